package io.linkledger.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedirectPagesTest {

    private static String cookie(int days, boolean secure) {
        return RedirectPages.cookie(new Redirect.Tracked("https://shop.example/", "tid" + days, days), secure);
    }

    @Test
    void eachCookieCarriesItsOwnWindowAndSchemeWhateverCameBefore() {
        for (int round = 0; round < 2; round++) {
            assertThat(cookie(30, false)).isEqualTo("ll_tid=tid30; Path=/; Max-Age=2592000; HttpOnly; SameSite=Lax");
            assertThat(cookie(30, false)).isEqualTo("ll_tid=tid30; Path=/; Max-Age=2592000; HttpOnly; SameSite=Lax");
            assertThat(cookie(30, true))
                    .isEqualTo("ll_tid=tid30; Path=/; Max-Age=2592000; HttpOnly; Secure; SameSite=None");
            assertThat(cookie(7, true)).isEqualTo("ll_tid=tid7; Path=/; Max-Age=604800; HttpOnly; Secure; SameSite=None");
            assertThat(cookie(0, false)).isEqualTo("ll_tid=tid0; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
        }
    }
}
