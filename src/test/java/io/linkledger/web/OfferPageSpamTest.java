package io.linkledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.linkledger.brands.Role;
import io.linkledger.tracking.ClickSpam;

/** Click spam in the console: the offer page's "Flagged as spam" and the member page's Quality section. */
class OfferPageSpamTest extends OfferPageScenarioTest {

    @Autowired
    ClickSpam spam;

    private static String kpi(String html, String name) {
        Matcher m = Pattern.compile("data-kpi=\"" + name + "\">([^<]*)<").matcher(html);
        assertThat(m.find()).as("KPI " + name).isTrue();
        return m.group(1);
    }

    @Test
    void spamClicksStayInClicksLeaveUniqueClicksAndShowAsFlagged() throws Exception {
        assertThat(api.put("/api/v1/brand/quality", Map.of("maxClicksPerVisitor", 1)).status()).isEqualTo(200);
        // Jane's link: two clicks from the phone (over the limit of 1) and one from a desktop; Omar's: one.
        Seeded s = seed();
        signInAs(Role.ADMIN);
        String before = get("/offers/" + s.offerId()).body();
        assertThat(kpi(before, "unique-clicks")).isEqualTo("3");
        assertThat(kpi(before, "spam-clicks")).isEqualTo("0");

        spam.sweep();

        String after = get("/offers/" + s.offerId()).body();
        assertThat(kpi(after, "clicks")).isEqualTo("4");
        assertThat(kpi(after, "unique-clicks")).isEqualTo("2");
        assertThat(kpi(after, "spam-clicks")).isEqualTo("2");
        String jane = get("/members/" + s.janeId()).body();
        assertThat(jane).containsPattern("data-label=\"Spam clicks\" class=\"num\">2<");
        assertThat(get("/members/" + s.omarId()).body()).contains("No conversions or flagged clicks yet.");
    }
}
