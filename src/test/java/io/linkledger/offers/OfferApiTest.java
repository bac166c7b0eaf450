package io.linkledger.offers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.linkledger.support.ApiTest;
import tools.jackson.databind.JsonNode;

class OfferApiTest extends ApiTest {

    private long offerCount() {
        return count("select count(*) from offers where brand_id = ?", brand.id());
    }

    @Test
    void createsLinkOfferWithShareASaleDestinationAndTiers() {
        JsonNode offer = createOffer(Map.of(
                "name", "Summer sale", "description", "Our summer collection", "type", "LINK",
                "conversionType", "SALE", "currency", "usd", "destinationUrl", SHAREASALE_URL,
                "payouts", List.of(
                        Map.of("name", "Default", "type", "CPS", "percent", "10"),
                        Map.of("name", "VIP", "type", "CPA_CPS", "amount", "5.00", "percent", "15"))));

        assertThat(offer.get("id").asString()).isNotBlank();
        assertThat(offer.get("currency").asString()).isEqualTo("USD");
        assertThat(offer.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(offer.get("trackingProtocol").asString()).isEqualTo("SERVER_POSTBACK_TRANSACTION_ID");
        assertThat(offer.get("attributionWindowDays").asInt()).isEqualTo(30);
        JsonNode vip = offer.get("payouts").get(1);
        assertThat(vip.get("amount").asString()).isEqualTo("5.00");
        assertThat(vip.get("percent").asString()).isEqualTo("15");
        assertThat(offer.get("payouts").get(0).get("isDefault").asBoolean()).isTrue();
        assertThat(vip.get("isDefault").asBoolean()).isFalse();

        JsonNode read = api.get("/api/v1/offers/" + offer.get("id").asString()).json();
        assertThat(read.get("destinationUrl").asString()).isEqualTo(SHAREASALE_URL);
        assertThat(read.get("payouts")).hasSize(2);
    }

    @Test
    void promoCodeOfferDefaultsToShopWebhook() {
        JsonNode offer = createOffer(Map.of("name", "Codes", "type", "PROMO_CODE", "conversionType", "SALE",
                "currency", "EUR", "payouts", List.of(Map.of("type", "CPA", "amount", "3"))));
        assertThat(offer.get("trackingProtocol").asString()).isEqualTo("SHOP_WEBHOOK");
        assertThat(offer.get("payouts").get(0).get("amount").asString()).isEqualTo("3.00");
    }

    @Test
    void missingApiKeyIsUnauthorized() {
        JsonNode body = problem(api.withKey(null).get("/api/v1/offers"), 401);
        assertThat(body.get("detail").asString()).contains("Authorization: Bearer");
        problem(api.withKey("llk_not-a-real-key-at-all-000000").get("/api/v1/offers"), 401);
    }

    @Test
    void unknownMacroIsRejectedAndNothingIsWritten() {
        JsonNode body = problem(api.post("/api/v1/offers", Map.of("name", "Bad", "type", "LINK",
                "conversionType", "SALE", "currency", "USD",
                "destinationUrl", "https://shop.example/?tid={transaction_id}&x={clickid}",
                "payouts", List.of(Map.of("type", "CPS", "percent", "10")))), 400);
        assertThat(body.get("detail").asString()).contains("{clickid}");
        assertThat(body.get("errors").get(0).get("field").asString()).isEqualTo("destinationUrl");
        assertThat(offerCount()).isZero();
    }

    @Test
    void relativeOrNonHttpDestinationIsRejected() {
        for (String url : List.of("/products/1", "ftp://files.example/x", "https://", "not a url")) {
            JsonNode body = problem(api.post("/api/v1/offers", Map.of("name", "Bad", "type", "LINK",
                    "conversionType", "SALE", "currency", "USD", "destinationUrl", url,
                    "payouts", List.of(Map.of("type", "CPS", "percent", "10")))), 400);
            assertThat(body.get("errors").get(0).get("field").asString()).as(url).isEqualTo("destinationUrl");
        }
        assertThat(offerCount()).isZero();
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        JsonNode body = problem(api.post("/api/v1/offers", Map.of("name", "Bad", "type", "LINK",
                "conversionType", "SALE", "currency", "USD", "destinationUrl", "https://a.example/{nope}",
                "payouts", List.of(Map.of("type", "CPS"), Map.of("type", "CPA", "amount", "1.234")))), 400);
        List<String> fields = body.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
        assertThat(fields).contains("destinationUrl", "payouts[0].percent", "payouts[1].amount");
    }

    @Test
    void linkOfferNeedsDestinationAndKnownEnums() {
        problem(api.post("/api/v1/offers", Map.of("name", "No URL", "type", "LINK", "conversionType", "SALE",
                "currency", "USD", "payouts", List.of(Map.of("type", "CPC", "amount", "0.10")))), 400);
        JsonNode body = problem(api.post("/api/v1/offers", Map.of("name", "x", "type", "LINKS",
                "conversionType", "SALE", "currency", "USD")), 400);
        assertThat(body.get("detail").asString()).contains("type");
        problem(api.post("/api/v1/offers", Map.of("name", "x", "type", "LINK", "conversionType", "SALE",
                "currency", "DOLLARS", "destinationUrl", "https://a.example",
                "payouts", List.of(Map.of("type", "CPS", "percent", "10")))), 400);
        problem(api.post("/api/v1/offers", "{not json"), 400);
        assertThat(offerCount()).isZero();
    }

    @Test
    void updateChangesOnlyGivenFieldsAndKeepsTierIds() {
        JsonNode offer = createLinkOffer("Original");
        String id = offer.get("id").asString();
        String tierId = offer.get("payouts").get(0).get("id").asString();

        JsonNode updated = api.patch("/api/v1/offers/" + id, Map.of("name", "Renamed", "status", "PAUSED",
                "payouts", List.of(Map.of("name", "Default", "type", "CPS", "percent", "12.5"),
                        Map.of("name", "VIP", "type", "CPS", "percent", "20")))).json();

        assertThat(updated.get("name").asString()).isEqualTo("Renamed");
        assertThat(updated.get("status").asString()).isEqualTo("PAUSED");
        assertThat(updated.get("destinationUrl").asString()).isEqualTo(SHAREASALE_URL);
        assertThat(updated.get("payouts").get(0).get("id").asString()).isEqualTo(tierId);
        assertThat(updated.get("payouts").get(0).get("percent").asString()).isEqualTo("12.5");
        assertThat(api.get("/api/v1/offers/" + id).json().get("payouts")).hasSize(2);
    }

    @Test
    void currencyCannotChangeAndBadUpdateWritesNothing() {
        String id = createLinkOffer("Stable").get("id").asString();
        problem(api.patch("/api/v1/offers/" + id, Map.of("currency", "EUR")), 400);
        problem(api.patch("/api/v1/offers/" + id, Map.of("name", "Changed", "destinationUrl", "https://x/{bad}")), 400);
        assertThat(api.get("/api/v1/offers/" + id).json().get("name").asString()).isEqualTo("Stable");
    }

    @Test
    void archivedOffersLeaveTheDefaultList() {
        String kept = createLinkOffer("Kept").get("id").asString();
        String archived = createLinkOffer("Gone").get("id").asString();
        assertThat(api.post("/api/v1/offers/" + archived + "/archive", Map.of()).json().get("status").asString())
                .isEqualTo("ARCHIVED");

        JsonNode list = api.get("/api/v1/offers").json();
        assertThat(list.get("total").asLong()).isEqualTo(1);
        assertThat(list.get("items").get(0).get("id").asString()).isEqualTo(kept);
        assertThat(api.get("/api/v1/offers?status=ARCHIVED").json().get("items").get(0).get("id").asString())
                .isEqualTo(archived);
    }

    @Test
    void anotherBrandsOfferIsNotFound() {
        String id = createLinkOffer("Mine").get("id").asString();
        String otherKey = brands.createKey(brands.create("Other brand").id(), "other").plainText();
        problem(api.withKey(otherKey).get("/api/v1/offers/" + id), 404);
        problem(api.withKey(otherKey).patch("/api/v1/offers/" + id, Map.of("name", "Hijacked")), 404);
    }
}
