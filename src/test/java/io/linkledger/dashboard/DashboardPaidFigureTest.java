package io.linkledger.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.linkledger.support.Api;
import io.linkledger.support.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard's approved and paid figures follow what the ledger paid the member, not which
 * conversions a part payment happened to mark paid whole.
 */
class DashboardPaidFigureTest extends ApiTest {

    private String approvedSale(String integrationKey, String memberId, String amount) {
        Api.Response postback = api.withKey(null).get("/postback/" + integrationKey + "?member_id=" + memberId
                + "&order_id=O-" + UUID.randomUUID() + "&amount=" + amount + "&status=pending");
        assertThat(postback.status()).as(postback.toString()).isEqualTo(200);
        String id = postback.json().get("conversionId").asString();
        assertThat(api.post("/api/v1/conversions/" + id + "/approve", Map.of()).status()).isEqualTo(200);
        return id;
    }

    /** The defect this guards against: paid 60.00 of 100.00 approved showed "approved 90.00, paid 10.00". */
    @Test
    void memberPaidPartOfWhatWasApprovedSeesWhatWasPaidAndWhatIsLeft() {
        String offerId = createLinkOffer("Part paid offer").get("id").asString();
        String memberId = createMember("Pat Partial", "pat-" + UUID.randomUUID() + "@example.com").get("id").asString();
        String link = assign(offerId, memberId).get(0).get("dashboardLink").asString();
        String key = created(api.post("/api/v1/integrations", Map.of("type", "POSTBACK", "name",
                "Shop " + UUID.randomUUID(), "offerId", offerId))).get("key").asString();
        approvedSale(key, memberId, "100.00");
        approvedSale(key, memberId, "900.00");
        created(api.post("/api/v1/balance/fundings", Map.of("amount", "60.00", "currency", "USD")));
        JsonNode payment = created(api.send(api.request("/api/v1/payments").header("Content-Type", "application/json")
                .header("Idempotency-Key", "part-" + UUID.randomUUID())
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"currency":"USD","provider":"MANUAL","items":[{"memberId":"%s","amount":"60.00"}]}"""
                        .formatted(memberId)))));
        assertThat(api.post("/api/v1/payments/" + payment.get("id").asString() + "/confirm-transfer", Map.of())
                .status()).isEqualTo(200);

        JsonNode earnings = api.withKey(null).get("/d/" + link.substring(link.lastIndexOf('/') + 1) + ".json").json()
                .get("earnings");

        assertThat(earnings.get("approved").asString()).isEqualTo("40.00");
        assertThat(earnings.get("paid").asString()).isEqualTo("60.00");
        assertThat(earnings.get("pending").asString()).isEqualTo("0.00");
        assertThat(List.of(earnings.get("approved").asString(), earnings.get("paid").asString()))
                .doesNotContain("90.00", "10.00");
    }
}
