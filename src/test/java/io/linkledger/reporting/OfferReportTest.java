package io.linkledger.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.linkledger.support.Api;
import io.linkledger.support.ApiTest;
import tools.jackson.databind.JsonNode;

/** The offer report end to end: clicks through the real redirect, a sale through the real postback. */
class OfferReportTest extends ApiTest {

    private static final Pattern AFFTRACK = Pattern.compile("afftrack=([A-Za-z0-9]+)");

    private String follow(String trackingLink, String userAgent) {
        String path = URI.create(trackingLink).getPath();
        Api.Response redirect = api.withKey(null).send(api.withKey(null).request(path).header("User-Agent", userAgent));
        assertThat(redirect.status()).isEqualTo(302);
        Matcher tid = AFFTRACK.matcher(redirect.header("Location"));
        assertThat(tid.find()).isTrue();
        return tid.group(1);
    }

    @Test
    void reportCountsClicksConversionsSalesCommissionRateAndEpc() {
        String offer = createLinkOffer("Summer sale").get("id").asString();
        String member = createMember("Jane Doe", "jane@example.com").get("id").asString();
        String link = assign(offer, member).get(0).get("trackingLink").asString();

        String tid = follow(link, "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1");
        follow(link, "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1");
        follow(link, "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/140.0 Safari/537.36");
        follow(link, "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0");
        follow(link, "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)");

        JsonNode integration = created(api.post("/api/v1/integrations", Map.of("type", "POSTBACK", "name", "Server")));
        Api.Response postback = api.withKey(null).get("/postback/" + integration.get("key").asString()
                + "?transaction_id=" + tid + "&order_id=A-1001&amount=125.00");
        assertThat(postback.status()).as(postback.toString()).isEqualTo(200);

        JsonNode report = api.get("/api/v1/reports/offers/" + offer).json();

        assertThat(report.get("clicks").asLong()).isEqualTo(4);
        assertThat(report.get("uniqueClicks").asLong()).isEqualTo(3);
        assertThat(report.get("botClicks").asLong()).isEqualTo(1);
        assertThat(report.get("conversions").asLong()).isEqualTo(1);
        assertThat(report.get("sales").asString()).isEqualTo("125.00");
        assertThat(report.get("commission").asString()).isEqualTo("12.50");
        assertThat(report.get("currency").asString()).isEqualTo("USD");
        assertThat(report.get("conversionRate").asString()).isEqualTo("25.00");
        assertThat(report.get("epc").asString()).isEqualTo("3.1250");

        assertThat(report.get("members").get(0).get("commission").asString()).isEqualTo("12.50");
        JsonNode summary = api.get("/api/v1/reports/offers/" + offer + "?members=false").json();
        assertThat(summary.get("members")).isEmpty();
        assertThat(summary.get("commission").asString()).isEqualTo("12.50");
        assertThat(summary.get("days")).isEqualTo(report.get("days"));

        JsonNode today = report.get("days").get(0);
        assertThat(today.get("clicks").asLong()).isEqualTo(4);
        assertThat(today.get("conversions").asLong()).isEqualTo(1);
        assertThat(today.get("sales").asString()).isEqualTo("125.00");
        JsonNode row = api.get("/api/v1/reports/offers/" + offer + "/members?sort=EPC").json().get("items").get(0);
        assertThat(row.get("name").asString()).isEqualTo("Jane Doe");
        assertThat(row.get("conversions").asLong()).isEqualTo(1);
        assertThat(row.get("commission").asString()).isEqualTo("12.50");
        assertThat(row.get("epc").asString()).isEqualTo("3.1250");

        String conversion = api.get("/api/v1/conversions?offerId=" + offer).json().get("items").get(0).get("id").asString();
        api.post("/api/v1/conversions/" + conversion + "/reverse", Map.of("reason", "returned"));
        JsonNode afterReversal = api.get("/api/v1/reports/offers/" + offer).json();
        assertThat(afterReversal.get("conversions").asLong()).isZero();
        assertThat(afterReversal.get("sales").asString()).isEqualTo("0.00");
        assertThat(afterReversal.get("clicks").asLong()).isEqualTo(4);
    }

    @Test
    void memberTablePagesFollowOneAnotherInTheChosenOrderWithTiesInMemberIdOrder() {
        String offer = createLinkOffer("Paging").get("id").asString();
        int[] clicks = {3, 1, 3, 2, 3, 1, 2};
        for (int m = 0; m < clicks.length; m++) {
            String member = createMember("Pager " + m, "pager-" + m + "-" + System.nanoTime() + "@example.com")
                    .get("id").asString();
            String link = assign(offer, member).get(0).get("trackingLink").asString();
            for (int c = 0; c < clicks[m]; c++) {
                follow(link, "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0 pager/" + m + "/" + c);
            }
        }

        for (String order : List.of("desc", "asc")) {
            String table = "/api/v1/reports/offers/" + offer + "/members?sort=CLICKS&order=" + order;
            List<JsonNode> whole = api.get(table + "&limit=100").json().get("items").valueStream().toList();
            Comparator<JsonNode> byClicks = Comparator.comparingLong(row -> row.get("clicks").asLong());
            assertThat(whole).hasSize(clicks.length).isSortedAccordingTo(
                    (order.equals("desc") ? byClicks.reversed() : byClicks)
                            .thenComparing(row -> UUID.fromString(row.get("memberId").asString())));
            List<JsonNode> paged = new ArrayList<>();
            for (int offset = 0; offset < clicks.length + 2; offset += 2) {
                JsonNode page = api.get(table + "&limit=2&offset=" + offset).json();
                assertThat(page.get("total").asLong()).isEqualTo(clicks.length);
                page.get("items").valueStream().forEach(paged::add);
            }
            assertThat(paged).isEqualTo(whole);
        }
    }
}
