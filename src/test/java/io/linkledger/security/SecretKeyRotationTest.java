package io.linkledger.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationContext;

import io.linkledger.support.ApiTest;

/**
 * Sealed tokens and the server key: a seal cannot be read or altered without the key, values
 * sealed under a replaced key still open, and at start-up they are sealed again under the current key.
 */
class SecretKeyRotationTest extends ApiTest {

    private static final String PREVIOUS = "previous-test-secret-key-0123456789abcdef";

    @Autowired
    private DataSource dataSource;

    @Autowired
    private Clock clock;

    @Autowired
    private SecretBox secrets;

    @Autowired
    private ApplicationContext context;

    private SecretBox boxWith(String configured, List<String> previous) {
        return new SecretBox(new ServerKeys(dataSource, clock, configured, previous));
    }

    @Test
    void aSealHidesTheSecretAndBreaksWhenAltered() {
        String sealed = secrets.seal("dashboard-token-123");
        assertThat(sealed).startsWith(secrets.currentPrefix()).doesNotContain("dashboard-token-123");
        assertThat(secrets.seal("dashboard-token-123")).isNotEqualTo(sealed);
        assertThat(secrets.open(sealed)).isEqualTo("dashboard-token-123");

        // Not the last character: its low bits may be padding a decoder ignores, so changing it
        // can leave the bytes as they were. Every bit of a character inside the text counts.
        int at = sealed.length() - 5;
        char inside = sealed.charAt(at);
        String altered = sealed.substring(0, at) + (inside == 'A' ? 'B' : 'A') + sealed.substring(at + 1);
        assertThatThrownBy(() -> secrets.open(altered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aKeyNobodyConfiguredCannotOpenAndSaysWhatToSet() {
        String sealed = boxWith("some-other-key-that-nobody-configured-here", List.of()).seal("secret");
        assertThatThrownBy(() -> secrets.open(sealed)).hasMessageContaining("LINKLEDGER_SECRET_KEY_PREVIOUS");
    }

    @Test
    void aConfiguredKeyMustBeLongEnough() {
        assertThatThrownBy(() -> new ServerKeys(dataSource, clock, "short", List.of()))
                .hasMessageContaining("at least 32 characters");
    }

    @Test
    void tokensUnderAReplacedKeyStillOpenAndAreSealedAgainAtStartUp() throws Exception {
        String offerId = createLinkOffer("Rotated key").get("id").asString();
        String memberId = createMember("Kay Key", "kay." + UUID.randomUUID() + "@example.com").get("id").asString();
        String link = assign(offerId, memberId).get(0).get("dashboardLink").asString();
        String token = link.substring(link.lastIndexOf('/') + 1);
        String underPrevious = boxWith(PREVIOUS, List.of()).seal(token);
        jdbc.sql("update offer_members set dashboard_token_sealed = ? where member_id = ?")
                .params(underPrevious, UUID.fromString(memberId)).update();

        String dashboardLink = "/api/v1/offers/" + offerId + "/members/" + memberId + "/dashboard-link";
        assertThat(api.get(dashboardLink).json().get("dashboardLink").asString()).isEqualTo(link);

        context.getBean("resealing", ApplicationRunner.class).run(null);

        String resealed = jdbc.sql("select dashboard_token_sealed from offer_members where member_id = ?")
                .param(UUID.fromString(memberId)).query(String.class).single();
        assertThat(resealed).startsWith(secrets.currentPrefix());
        assertThat(api.get(dashboardLink).json().get("dashboardLink").asString()).isEqualTo(link);
        assertThat(api.withKey(null).get("/d/" + token + ".json").status()).isEqualTo(200);
    }
}
