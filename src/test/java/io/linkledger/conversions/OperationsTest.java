package io.linkledger.conversions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.linkledger.support.Api;
import tools.jackson.databind.JsonNode;

class OperationsTest extends ConversionApiTest {

    @Autowired
    AutoApproval autoApproval;

    @Autowired
    ClickAccrual clickAccrual;

    private String postback(String key, String tid, String orderId, String amount, String date) {
        Api.Response response = getPostback(key, params("transaction_id", tid, "order_id", orderId, "amount", amount,
                "date", date));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("conversionId").asString();
    }

    private static Instant day(java.time.YearMonth month, int day, String time) {
        return Instant.parse(month.atDay(day) + "T" + time + ":00Z");
    }

    @Test
    void monthlyVolumeTiersSplitASaleAcrossTheBoundary() {
        Setup s = linkOfferWithMember("CPS", null, "10");
        JsonNode terms = put("/api/v1/offers/" + s.offerId() + "/terms", Map.of("volumeTiers", List.of(
                Map.of("fromSales", "0", "percent", "10"), Map.of("fromSales", "1000.00", "percent", "15")))).json();
        assertThat(terms.get("volumeTiers")).hasSize(2);
        String key = integration(Map.of("type", "POSTBACK", "name", "Network")).get("key").asString();
        // Two months ago and the month after: both in the past, as conversion dates must be.
        java.time.YearMonth month = java.time.YearMonth.now(java.time.ZoneOffset.UTC).minusMonths(2);
        String tid = click(s, day(month, 1, "08:00"));

        String below = postback(key, tid, "v-1", "900.00", day(month, 2, "10:00").toString());
        String across = postback(key, tid, "v-2", "300.00", day(month, 3, "10:00").toString());
        String above = postback(key, tid, "v-3", "100.00", day(month, 4, "10:00").toString());
        String nextMonth = postback(key, click(s, day(month, month.lengthOfMonth(), "08:00")), "v-4", "100.00",
                day(month.plusMonths(1), 1, "10:00").toString());

        assertThat(conversion(below).get("commission").asString()).isEqualTo("90.00");
        assertThat(conversion(across).get("commission").asString()).isEqualTo("40.00"); // 100 at 10% + 200 at 15%
        assertThat(conversion(above).get("commission").asString()).isEqualTo("15.00");
        assertThat(conversion(nextMonth).get("commission").asString()).isEqualTo("10.00");
        problem(put("/api/v1/offers/" + s.offerId() + "/terms", Map.of("volumeTiers", List.of(
                Map.of("fromSales", "500", "percent", "10")))), 400);
    }

    @Test
    void pendingConversionsAreApprovedAfterTheLockPeriod() {
        Setup s = linkOfferWithMember("CPA", "5.00", null);
        put("/api/v1/offers/" + s.offerId() + "/terms", Map.of("lockPeriodDays", 30));
        String key = integration(Map.of("type", "POSTBACK", "name", "Network")).get("key").asString();
        java.time.YearMonth month = java.time.YearMonth.now(java.time.ZoneOffset.UTC).minusMonths(3);
        String old = postback(key, click(s, day(month, 1, "08:00")), "l-1", "10.00", day(month, 2, "10:00").toString());
        String recent = postback(key, click(s, day(month.plusMonths(1), 1, "08:00")), "l-2", "10.00",
                day(month.plusMonths(1), 2, "10:00").toString());

        autoApproval.approveDue(day(month.plusMonths(1), 6, "00:00"));

        assertThat(conversion(old).get("status").asString()).isEqualTo("APPROVED");
        assertThat(conversion(old).get("history").get(1).get("action").asString()).isEqualTo("AUTO_APPROVED");
        assertThat(conversion(recent).get("status").asString()).isEqualTo("PENDING");
    }

    @Test
    void uniqueHumanClicksAccrueDailyOnCpcPayout() {
        Setup s = linkOfferWithMember("CPC", "0.25", null);
        Instant day = Instant.parse("2026-11-15T09:00:00Z");
        click(s, day);
        click(s, day.plusSeconds(60));
        click(s, day.plusSeconds(7200));
        click(s, day.plusSeconds(90), true, false);
        click(s, day.plusSeconds(5), false, false);
        click(s, Instant.parse("2026-11-16T00:00:00Z"));

        clickAccrual.accrue(LocalDate.of(2026, 11, 15));
        clickAccrual.accrue(LocalDate.of(2026, 11, 15));

        JsonNode items = api.get("/api/v1/conversions?offerId=" + s.offerId()).json().get("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("commission").asString()).isEqualTo("0.75");
        assertThat(items.get(0).get("kind").asString()).isEqualTo("CPC");
        assertThat(items.get(0).get("convertedAt").asString()).startsWith("2026-11-15T23:59:59");

        // Paid clicks are earnings, not conversions.
        JsonNode report = api.get("/api/v1/reports/offers/" + s.offerId() + "?from=2026-11-15&to=2026-11-15").json();
        assertThat(report.get("conversions").asLong()).isZero();
        assertThat(report.get("commission").asString()).isEqualTo("0.75");
    }

    @Test
    void testPurchaseShowsUpInLastInboundRequests() {
        Setup s = linkOfferWithMember("CPS", null, "10");
        JsonNode integration = integration(Map.of("type", "SHAREASALE", "name", "ShareASale"));
        String id = integration.get("id").asString();

        Api.Response response = api.post("/api/v1/integrations/" + id + "/test-purchase",
                Map.of("offerId", s.offerId(), "memberId", s.memberId(), "amount", "42.00"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("outcome").asString()).isEqualTo("ACCEPTED");
        JsonNode c = conversion(response.json().get("conversionId").asString());
        assertThat(c.get("test").asBoolean()).isTrue();
        assertThat(c.get("status").asString()).isEqualTo("REVERSED");
        assertThat(c.get("amount").asString()).isEqualTo("42.00");
        JsonNode last = lastRequest(id);
        assertThat(last.get("method").asString()).isEqualTo("TEST");
        assertThat(last.get("outcome").asString()).isEqualTo("ACCEPTED");
        assertThat(last.get("conversionId").asString()).isEqualTo(c.get("id").asString());
        problem(api.post("/api/v1/integrations/" + id + "/test-purchase",
                Map.of("offerId", s.offerId(), "memberId", UUID.randomUUID().toString())), 422);
        assertThat(lastRequest(id).get("outcome").asString()).isEqualTo("REJECTED");
    }

    @Test
    void pixelAttributesByClickCookie() {
        Setup s = linkOfferWithMember("CPS", null, "10");
        JsonNode integration = integration(Map.of("type", "PIXEL", "name", "Thank-you page"));
        assertThat(integration.get("inboundUrl").asString()).endsWith(".gif");
        String path = "/px/" + integration.get("key").asString() + ".gif?order_id=PX-1&amount=25.00";
        String tid = click(s, hoursAgo(1));

        Api.Response hit = api.withKey(null).send(api.withKey(null).request(path).header("Cookie", "ll_tid=" + tid).GET());

        assertThat(hit.status()).as(hit.toString()).isEqualTo(200);
        assertThat(hit.contentType()).isEqualTo("image/gif");
        JsonNode items = api.get("/api/v1/conversions?offerId=" + s.offerId()).json().get("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("transactionId").asString()).isEqualTo(tid);
        assertThat(items.get(0).get("commission").asString()).isEqualTo("2.50");
        problem(api.withKey(null).get(path.replace("PX-1", "PX-2")), 422);
    }

    @Test
    void ipAllowListRejectsOtherSources() {
        Setup s = linkOfferWithMember("CPA", "1.00", null);
        JsonNode integration = integration(Map.of("type", "POSTBACK", "name", "Network",
                "ipAllowList", List.of("10.1.2.0/24")));
        Map<String, String> params = params("transaction_id", click(s, hoursAgo(1)), "amount", "5.00");

        JsonNode refused = problem(getPostback(integration.get("key").asString(), params), 403);
        assertThat(refused.get("detail").asString()).contains("allow-list");
        assertThat(conversionCount()).isZero();

        api.patch("/api/v1/integrations/" + integration.get("id").asString(),
                Map.of("ipAllowList", List.of("127.0.0.1", "::1/128")));
        assertThat(getPostback(integration.get("key").asString(), params).status()).isEqualTo(200);
        problem(api.patch("/api/v1/integrations/" + integration.get("id").asString(),
                Map.of("ipAllowList", List.of("example.com"))), 400);
    }

    @Test
    void integrationSettingsAreValidated() {
        JsonNode body = problem(api.post("/api/v1/integrations", Map.of("type", "SHOPIFY", "name", "Shop")), 400);
        assertThat(body.get("errors").get(0).get("field").asString()).isEqualTo("secret");
        problem(api.post("/api/v1/integrations", Map.of("type", "SHAREASALE", "name", "S", "hashAlgorithm", "SHA1",
                "secret", "0123456789")), 400);
        problem(api.post("/api/v1/integrations", Map.of("type", "SHAREASALE", "name", "S", "timeZone", "Mars/Base")), 400);
        // Values their columns cannot hold are refused, never a "409 retry it".
        problem(api.post("/api/v1/integrations", Map.of("type", "POSTBACK", "name", "n".repeat(201))), 400);
        problem(api.post("/api/v1/integrations", Map.of("type", "SHAREASALE", "name", "S", "basicAuthUser",
                "u".repeat(201), "basicAuthPassword", "secret-password")), 400);
        problem(api.post("/api/v1/integrations", Map.of("type", "POSTBACK", "name", "P", "ipAllowList",
                java.util.Collections.nCopies(81, "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff/128"))), 400);
        assertThat(count("select count(*) from integrations where brand_id = ?", brand.id())).isZero();
    }
}
