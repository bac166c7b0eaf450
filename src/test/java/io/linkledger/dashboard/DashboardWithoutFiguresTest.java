package io.linkledger.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.linkledger.support.Api;
import io.linkledger.support.ApiTest;
import tools.jackson.databind.JsonNode;

/** Until a {@link PerformanceSource} is wired, the dashboard shows code, link and terms, and no numbers. */
class DashboardWithoutFiguresTest extends ApiTest {

    @Test
    void pageSaysFiguresAreNotAvailableInsteadOfShowingNumbers() {
        String offerId = createLinkOffer("Spring drop").get("id").asString();
        String memberId = createMember("Ana Lima", "ana-" + UUID.randomUUID() + "@example.com").get("id").asString();
        JsonNode assignment = assign(offerId, memberId).get(0);
        String link = assignment.get("dashboardLink").asString();
        String token = link.substring(link.lastIndexOf('/') + 1);

        Api.Response page = api.withKey(null).get("/d/" + token);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(assignment.get("trackingLink").asString())
                .contains("10% of each sale")
                .contains("Figures are not available")
                .doesNotContain("earnings-chart")
                .doesNotContain("data-figure=\"conversions\"")
                .doesNotContain("chart.umd");
        JsonNode json = api.withKey(null).get("/d/" + token + ".json").json();
        assertThat(json.get("figuresAvailable").asBoolean()).isFalse();
        assertThat(json.get("totals").isNull()).isTrue();
        assertThat(json.get("earnings").isNull()).isTrue();
    }
}
