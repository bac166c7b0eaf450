package io.linkledger.conversions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.linkledger.support.Api;
import tools.jackson.databind.JsonNode;

class PostbackTest extends ConversionApiTest {

    private JsonNode shareAsale(Map<String, Object> extra) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("type", "SHAREASALE", "name", "ShareASale"));
        body.putAll(extra);
        return integration(body);
    }

    private Map<String, String> shareAsaleParams(String tid, String transId, String amount) {
        return params("afftrack", tid, "transID", transId, "orderNumber", "SO-" + transId, "amountOfSale", amount,
                "commission", "12.00", "transDate", "2026-11-20 13:05:00", "transtype", "sale", "merchantID", "5678");
    }

    @Test
    void shareAsalePostbackCreatesConversionWithCommissionRoundedHalfEven() {
        Setup s = linkOfferWithMember("CPS", null, "10");
        JsonNode integration = shareAsale(Map.of("timeZone", "America/New_York"));
        String key = integration.get("key").asString();
        assertThat(key.length()).isGreaterThanOrEqualTo(22);
        assertThat(integration.get("inboundUrl").asString()).isEqualTo("https://track.example.test/postback/" + key);
        assertThat(integration.get("shareasalePostbackUrl").asString()).contains("afftrack=!!afftrack!!")
                .contains("transID=!!transID!!").contains("transDate=!!transDate!!");
        String tid = click(s, hoursAgo(2));

        Api.Response response = getPostback(key, shareAsaleParams(tid, "10810238", "123.45"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        String id = response.json().get("conversionId").asString();
        assertThat(response.json().get("status").asString()).isEqualTo("PENDING");
        JsonNode c = conversion(id);
        assertThat(c.get("amount").asString()).isEqualTo("123.45");
        assertThat(c.get("commission").asString()).isEqualTo("12.34"); // 12.345 rounds half-even
        assertThat(c.get("networkCommission").asString()).isEqualTo("12.00");
        assertThat(c.get("transactionId").asString()).isEqualTo(tid);
        assertThat(c.get("orderId").asString()).isEqualTo("SO-10810238");
        assertThat(c.get("memberId").asString()).isEqualTo(s.memberId());
        assertThat(c.get("convertedAt").asString()).isEqualTo("2026-11-20T18:05:00Z"); // 13:05 in New York
        List<MoneyChange> events = moneyEvents.of(UUID.fromString(id));
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().fromStatus()).isNull();
        assertThat(events.getFirst().toStatus()).isEqualTo(ConversionStatus.PENDING);
        assertThat(events.getFirst().memberCommissionAfter().minor()).isEqualTo(1234);
        assertThat(events.getFirst().networkCommissionAfter().minor()).isEqualTo(1200);
    }

    @Test
    void duplicatePostbackReturnsSameConversion() {
        Setup s = linkOfferWithMember("CPA", "5.00", null);
        JsonNode integration = shareAsale(Map.of());
        String tid = click(s, hoursAgo(1));
        Map<String, String> params = shareAsaleParams(tid, "555", "40.00");

        String first = getPostback(integration.get("key").asString(), params).json().get("conversionId").asString();
        Api.Response again = getPostback(integration.get("key").asString(), params);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("conversionId").asString()).isEqualTo(first);
        assertThat(again.json().get("duplicate").asBoolean()).isTrue();
        assertThat(conversionCount()).isEqualTo(1);
        assertThat(conversion(first).get("commission").asString()).isEqualTo("5.00");
        assertThat(moneyEvents.of(UUID.fromString(first))).hasSize(1);
        assertThat(lastRequest(integration.get("id").asString()).get("outcome").asString()).isEqualTo("DUPLICATE");
    }

    @Test
    void concurrentRepeatsOfOnePostbackCreateOneConversion() throws Exception {
        Setup s = linkOfferWithMember("CPS", null, "10");
        JsonNode integration = shareAsale(Map.of());
        Map<String, String> params = shareAsaleParams(click(s, hoursAgo(1)), "4242", "99.00");
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            java.util.concurrent.Callable<Api.Response> fire = () -> getPostback(integration.get("key").asString(), params);
            List<java.util.concurrent.Future<Api.Response>> answers = pool.invokeAll(java.util.Collections.nCopies(8, fire));
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (java.util.concurrent.Future<Api.Response> answer : answers) {
                assertThat(answer.get().status()).as(answer.get().toString()).isEqualTo(200);
                ids.add(answer.get().json().get("conversionId").asString());
            }
            assertThat(ids).hasSize(1);
        }
        assertThat(conversionCount()).isEqualTo(1);
        assertThat(count("select count(*) from inbound_requests where integration_id = ?",
                UUID.fromString(integration.get("id").asString()))).isEqualTo(8);
    }

    @Test
    void shareAsalePostbackByPostFormIsAccepted() {
        Setup s = linkOfferWithMember("CPS", null, "10");
        JsonNode integration = shareAsale(Map.of());
        String tid = click(s, hoursAgo(1));

        Api.Response response = api.withKey(null).postText("/postback/" + integration.get("key").asString(),
                "application/x-www-form-urlencoded", form(shareAsaleParams(tid, "777", "50.00")));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(conversion(response.json().get("conversionId").asString()).get("commission").asString())
                .isEqualTo("5.00");
    }

    @Test
    void unknownTransactionIdIsUnprocessableAndStoredWithReason() {
        linkOfferWithMember("CPS", null, "10");
        JsonNode integration = shareAsale(Map.of());

        JsonNode body = problem(getPostback(integration.get("key").asString(),
                shareAsaleParams("no-such-click", "1", "10.00")), 422);

        assertThat(body.get("detail").asString()).contains("no-such-click").contains("unknown");
        assertThat(conversionCount()).isZero();
        JsonNode stored = lastRequest(integration.get("id").asString());
        assertThat(stored.get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(stored.get("statusCode").asInt()).isEqualTo(422);
        assertThat(stored.get("reason").asString()).contains("no-such-click");
        assertThat(stored.get("query").asString()).contains("afftrack=no-such-click");
    }

    @Test
    void malformedAmountIsBadRequestAndWritesNoConversion() {
        Setup s = linkOfferWithMember("CPS", null, "10");
        JsonNode integration = shareAsale(Map.of());
        String tid = click(s, hoursAgo(1));

        JsonNode body = problem(getPostback(integration.get("key").asString(), shareAsaleParams(tid, "2", "12,50")), 400);

        assertThat(body.get("errors").get(0).get("field").asString()).isEqualTo("amountOfSale");
        assertThat(conversionCount()).isZero();
        assertThat(lastRequest(integration.get("id").asString()).get("statusCode").asInt()).isEqualTo(400);
        problem(getPostback(integration.get("key").asString(), params("afftrack", tid, "transID", "3",
                "amountOfSale", "10.00", "transDate", "20/11/2026")), 400);
        problem(getPostback(integration.get("key").asString(), params("afftrack", tid, "transID", "4",
                "amountOfSale", "10.001")), 400);
        assertThat(conversionCount()).isZero();
    }

    @Test
    void shareAsaleHashIsVerified() throws Exception {
        Setup s = linkOfferWithMember("CPS", null, "10");
        JsonNode integration = shareAsale(Map.of("secret", "s3cret-for-hash", "hashAlgorithm", "SHA256"));
        String key = integration.get("key").asString();
        String tid = click(s, hoursAgo(1));
        Map<String, String> params = shareAsaleParams(tid, "901", "20.00");
        params.put("hash", "0".repeat(64));

        problem(getPostback(key, params), 401);
        assertThat(conversionCount()).isZero();

        String input = "s3cret-for-hash" + "901" + "SO-901" + "20.00" + "12.00";
        params.put("hash", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(input.getBytes(StandardCharsets.UTF_8))));
        assertThat(getPostback(key, params).status()).isEqualTo(200);
        assertThat(conversionCount()).isEqualTo(1);
        // The secret never comes back.
        assertThat(api.get("/api/v1/integrations/" + integration.get("id").asString()).body()).doesNotContain("s3cret");
    }

    @Test
    void basicAuthIsRequiredWhenConfigured() {
        Setup s = linkOfferWithMember("CPS", null, "10");
        JsonNode integration = shareAsale(Map.of("basicAuthUser", "sas", "basicAuthPassword", "pa55word"));
        String tid = click(s, hoursAgo(1));
        String path = "/postback/" + integration.get("key").asString() + "?" + form(shareAsaleParams(tid, "31", "9.00"));

        problem(api.withKey(null).get(path), 401);
        String good = java.util.Base64.getEncoder().encodeToString("sas:pa55word".getBytes(StandardCharsets.UTF_8));
        Api.Response ok = api.withKey(null).send(api.withKey(null).request(path).header("Authorization", "Basic " + good).GET());
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
    }

    @Test
    void genericPostbackUsesMappedParameterNames() {
        Setup s = linkOfferWithMember("CPA_CPS", "2.00", "5");
        JsonNode integration = integration(Map.of("type", "POSTBACK", "name", "Impact",
                "parameterMap", Map.of("transaction_id", "SubId1", "amount", "Amount", "order_id", "ActionId",
                        "status", "Status")));
        String tid = click(s, hoursAgo(3));

        Api.Response response = getPostback(integration.get("key").asString(),
                params("SubId1", tid, "Amount", "80.00", "ActionId", "A-1", "Status", "approved"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("status").asString()).isEqualTo("APPROVED");
        JsonNode c = conversion(response.json().get("conversionId").asString());
        assertThat(c.get("commission").asString()).isEqualTo("6.00"); // 2.00 + 5% of 80.00
        assertThat(c.get("orderId").asString()).isEqualTo("A-1");
    }

    @Test
    void partnerPostbackCreditsMemberWithoutClick() {
        Setup s = linkOfferWithMember("CPA", "7.50", null);
        JsonNode integration = integration(Map.of("type", "POSTBACK", "name", "Recurring", "offerId", s.offerId()));

        Api.Response response = getPostback(integration.get("key").asString(),
                params("member_id", s.memberId(), "order_id", "SUB-2026-11", "amount", "30.00"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(conversion(response.json().get("conversionId").asString()).get("commission").asString())
                .isEqualTo("7.50");
        problem(getPostback(integration.get("key").asString(),
                params("member_id", UUID.randomUUID().toString(), "order_id", "SUB-x", "amount", "30.00")), 422);
    }

    @Test
    void memberTierAndOverrideDecideCommission() {
        Setup s = offerWithMember(Map.of("name", "Tiers", "type", "LINK", "conversionType", "SALE", "currency", "USD",
                "destinationUrl", SHAREASALE_URL, "payouts", List.of(
                        Map.of("name", "Default", "type", "CPS", "percent", "10"),
                        Map.of("name", "VIP", "type", "CPA_CPS", "amount", "1.00", "percent", "20"))));
        String vip = api.get("/api/v1/offers/" + s.offerId()).json().get("payouts").get(1).get("id").asString();
        JsonNode integration = integration(Map.of("type", "POSTBACK", "name", "Network"));
        String key = integration.get("key").asString();

        api.patch("/api/v1/offers/" + s.offerId() + "/members/" + s.memberId(), Map.of("payoutId", vip));
        String onTier = getPostback(key, params("transaction_id", click(s, hoursAgo(1)), "order_id", "1",
                "amount", "50.00")).json().get("conversionId").asString();
        assertThat(conversion(onTier).get("commission").asString()).isEqualTo("11.00");

        api.patch("/api/v1/offers/" + s.offerId() + "/members/" + s.memberId(),
                Map.of("commissionOverride", Map.of("type", "CPA", "amount", "3.00")));
        String overridden = getPostback(key, params("transaction_id", click(s, hoursAgo(1)), "order_id", "2",
                "amount", "50.00")).json().get("conversionId").asString();
        assertThat(conversion(overridden).get("commission").asString()).isEqualTo("3.00");
    }

    @Test
    void conversionOutsideAttributionWindowIsHeldNotRefused() {
        Setup s = linkOfferWithMember("CPS", null, "10");
        JsonNode integration = integration(Map.of("type", "POSTBACK", "name", "Network"));
        String old = click(s, hoursAgo(31 * 24));

        Api.Response late = getPostback(integration.get("key").asString(),
                params("transaction_id", old, "order_id", "late", "amount", "10.00"));
        assertThat(late.status()).as(late.toString()).isEqualTo(200);
        JsonNode held = conversion(late.json().get("conversionId").asString());
        assertThat(held.get("status").asString()).isEqualTo("HELD");
        assertThat(held.get("holds").get(0).get("detail").asString())
                .isEqualTo("The conversion came 31 days after its click, beyond the offer's 30-day attribution window.");
        String recent = click(s, hoursAgo(29 * 24));
        Api.Response inTime = getPostback(integration.get("key").asString(),
                params("transaction_id", recent, "order_id", "in-time", "amount", "10.00"));
        assertThat(conversion(inTime.json().get("conversionId").asString()).get("status").asString())
                .isEqualTo("PENDING");
    }

    @Test
    void unknownIntegrationKeyIsNotFound() {
        problem(getPostback("not-a-key", params("transaction_id", "x")), 404);
    }

    @Test
    void clickOfAnotherBrandIsNotAttributed() {
        Setup s = linkOfferWithMember("CPS", null, "10");
        String tid = click(s, hoursAgo(1));
        JsonNode ours = integration(Map.of("type", "POSTBACK", "name", "Network"));
        assertThat(getPostback(ours.get("key").asString(), params("transaction_id", tid, "amount", "1.00")).status())
                .isEqualTo(200);

        useAnotherBrand();
        JsonNode theirs = integration(Map.of("type", "POSTBACK", "name", "Other brand"));
        problem(getPostback(theirs.get("key").asString(), params("transaction_id", tid, "amount", "1.00")), 422);
    }
}
