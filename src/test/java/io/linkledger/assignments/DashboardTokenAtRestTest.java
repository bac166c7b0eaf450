package io.linkledger.assignments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.linkledger.shared.Tokens;
import io.linkledger.support.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * A dashboard token is stored only as what cannot open a dashboard (its SHA-256, and a copy
 * sealed with the server key), yet the link opens the dashboard, the brand sees and copies it
 * at any time, and rotation and revocation work as before.
 */
class DashboardTokenAtRestTest extends ApiTest {

    @Test
    void theTokenIsStoredHashedAndSealedAndTheLinkStillWorks() {
        String offerId = createLinkOffer("Sealed offer").get("id").asString();
        String memberId = createMember("Sid Sealed", "sid." + UUID.randomUUID() + "@example.com").get("id").asString();
        String link = assign(offerId, memberId).get(0).get("dashboardLink").asString();
        String token = link.substring(link.lastIndexOf('/') + 1);

        Map<String, Object> row = jdbc.sql("""
                select dashboard_token_hash, dashboard_token_sealed from offer_members
                where offer_id = ? and member_id = ?""")
                .params(UUID.fromString(offerId), UUID.fromString(memberId)).query().singleRow();
        assertThat(row.get("dashboard_token_hash")).isEqualTo(Tokens.sha256(token));
        assertThat((String) row.get("dashboard_token_sealed")).startsWith("v1.").doesNotContain(token);
        assertThat(count("select count(*) from information_schema.columns where table_name = 'offer_members' "
                + "and column_name = 'dashboard_token' and table_schema = current_schema()")).isZero();

        assertThat(api.withKey(null).get("/d/" + token).status()).isEqualTo(200);
        JsonNode shown = api.get("/api/v1/offers/" + offerId + "/members/" + memberId + "/dashboard-link").json();
        assertThat(shown.get("dashboardLink").asString()).isEqualTo(link);
        assertThat(api.get("/api/v1/offers/" + offerId + "/members").json().get("items").get(0).get("dashboardLink")
                .asString()).isEqualTo(link);
    }

    @Test
    void rotationAndRevocationStillWork() {
        String offerId = createLinkOffer("Rotating offer").get("id").asString();
        String memberId = createMember("Rita Rotate", "rita." + UUID.randomUUID() + "@example.com").get("id")
                .asString();
        String oldLink = assign(offerId, memberId).get(0).get("dashboardLink").asString();
        String base = "/api/v1/offers/" + offerId + "/members/" + memberId + "/dashboard-link";

        String newLink = api.post(base + "/rotate", Map.of()).json().get("dashboardLink").asString();
        assertThat(newLink).isNotEqualTo(oldLink);
        assertThat(api.withKey(null).get("/d/" + token(oldLink) + ".json").status()).isEqualTo(410);
        assertThat(api.withKey(null).get("/d/" + token(newLink) + ".json").status()).isEqualTo(200);
        assertThat(api.get(base).json().get("dashboardLink").asString()).isEqualTo(newLink);

        assertThat(api.delete(base).status()).isEqualTo(204);
        assertThat(api.withKey(null).get("/d/" + token(newLink) + ".json").status()).isEqualTo(410);
        assertThat(api.get(base).json().get("dashboardLink").isNull()).isTrue();
        assertThat(count("select count(*) from offer_members where offer_id = ? and dashboard_token_hash is null "
                + "and dashboard_token_sealed is null", UUID.fromString(offerId))).isEqualTo(1);
    }

    private static String token(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }
}
