package io.linkledger.conversions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import io.linkledger.support.Api;
import tools.jackson.databind.JsonNode;

/** The pixel's per-visitor limit: hits over it are answered as usual, logged, and record nothing. */
@TestPropertySource(properties = {"linkledger.pixel.hits-per-visitor=3",
    "linkledger.quality.min-click-to-conversion=PT10S"})
class PixelLimitTest extends ConversionApiTest {

    private Api.Response hit(String key, String tid, String orderId, String userAgent) {
        return api.withKey(null).send(api.withKey(null)
                .request("/px/" + key + ".gif?order_id=" + orderId + "&amount=10.00")
                .header("Cookie", "ll_tid=" + tid).header("User-Agent", userAgent).GET());
    }

    @Test
    void hitsOverTheVisitorsLimitAreAnsweredButNotRecordedAndStayInTheLog() {
        Setup s = linkOfferWithMember("CPS", null, "10");
        JsonNode pixel = integration(Map.of("type", "PIXEL", "name", "Thank-you page"));
        String key = pixel.get("key").asString();
        String tid = click(s, hoursAgo(1));

        for (int i = 1; i <= 4; i++) {
            Api.Response response = hit(key, tid, "LIM-" + i, "Shopper/1.0");
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.contentType()).isEqualTo("image/gif");
        }
        assertThat(hit(key, tid, "LIM-5", "Another browser/2.0").status()).isEqualTo(200);

        JsonNode items = api.get("/api/v1/conversions?offerId=" + s.offerId()).json().get("items");
        assertThat(items).extracting(i -> i.get("orderId").asString())
                .containsExactlyInAnyOrder("LIM-1", "LIM-2", "LIM-3", "LIM-5");
        JsonNode limited = api.get("/api/v1/integrations/" + pixel.get("id").asString() + "/requests?limit=10").json()
                .get("items");
        JsonNode fourth = null;
        for (JsonNode request : limited) {
            if (request.get("query").asString().contains("LIM-4")) {
                fourth = request;
            }
        }
        assertThat(fourth).isNotNull();
        assertThat(fourth.get("outcome").asString()).isEqualTo("IGNORED");
        assertThat(fourth.get("reason").asString())
                .isEqualTo("Not recorded: this visitor made more than 3 pixel hits within 60 minutes;"
                        + " replay the request to record it");

        // The brand can still record it, by replaying it from the log.
        Api.Response replayed = api.post("/api/v1/integrations/" + pixel.get("id").asString() + "/requests/"
                + fourth.get("id").asString() + "/replay", Map.of());
        assertThat(replayed.status()).as(replayed.toString()).isEqualTo(200);
        assertThat(api.get("/api/v1/conversions?offerId=" + s.offerId()).json().get("items")).hasSize(5);
    }
}
