package io.linkledger.brands;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.linkledger.support.ApiTest;
import tools.jackson.databind.JsonNode;

/** {@code GET} and {@code PATCH /api/v1/brand}: the brand's settings with JSON merge-patch semantics. */
class BrandApiTest extends ApiTest {

    /** The smallest valid PNG: a 1×1 transparent pixel. */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
    static final String PNG_DATA_URL = "data:image/png;base64," + Base64.getEncoder().encodeToString(PNG);

    @Test
    void aNewBrandHasItsNameAndTheServerDefaults() {
        JsonNode got = api.get("/api/v1/brand").json();
        assertThat(got.get("id").asString()).isEqualTo(brand.id().toString());
        assertThat(got.get("name").asString()).isEqualTo(brand.name());
        assertThat(got.get("defaultCurrency").asString()).isEqualTo("USD");
        assertThat(got.get("timeZone").asString()).isEqualTo("UTC");
        assertThat(got.get("logo").isNull()).isTrue();
        assertThat(got.get("payoutMethod").isNull()).isTrue();
        assertThat(got.get("minimumPayout").isNull()).isTrue();
    }

    @Test
    void patchChangesOnlyTheFieldsItNamesAndNullClearsOne() {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("name", "  Sunny Socks  ");
        all.put("logo", PNG_DATA_URL);
        all.put("senderName", "Sunny Socks Partners");
        all.put("senderEmail", "partners@sunnysocks.example");
        all.put("replyToEmail", "help@sunnysocks.example");
        all.put("website", "https://sunnysocks.example");
        all.put("defaultCurrency", "eur");
        all.put("timeZone", "Europe/Paris");
        all.put("payoutMethod", "manual");
        all.put("minimumPayout", "25");
        JsonNode changed = api.patch("/api/v1/brand", all).json();
        assertThat(changed.get("name").asString()).isEqualTo("Sunny Socks");
        assertThat(changed.get("logo").asString()).isEqualTo(PNG_DATA_URL);
        assertThat(changed.get("defaultCurrency").asString()).isEqualTo("EUR");
        assertThat(changed.get("timeZone").asString()).isEqualTo("Europe/Paris");
        assertThat(changed.get("payoutMethod").asString()).isEqualTo("MANUAL");
        assertThat(changed.get("minimumPayout").asString()).isEqualTo("25.00");

        Map<String, Object> some = new LinkedHashMap<>();
        some.put("senderName", null);
        some.put("logo", null);
        some.put("timeZone", "America/New_York");
        api.patch("/api/v1/brand", some);

        JsonNode got = api.get("/api/v1/brand").json();
        assertThat(got.get("senderName").isNull()).isTrue();
        assertThat(got.get("logo").isNull()).isTrue();
        assertThat(got.get("timeZone").asString()).isEqualTo("America/New_York");
        assertThat(got.get("name").asString()).isEqualTo("Sunny Socks");
        assertThat(got.get("replyToEmail").asString()).isEqualTo("help@sunnysocks.example");
        assertThat(got.get("website").asString()).isEqualTo("https://sunnysocks.example");
        assertThat(got.get("minimumPayout").asString()).isEqualTo("25.00");
        assertThat(brands.find(brand.id()).orElseThrow().name()).isEqualTo("Sunny Socks");
    }

    @Test
    void invalidSettingsAreAllNamedAndNothingIsWritten() {
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("name", " ");
        bad.put("senderEmail", "not an email");
        bad.put("website", "javascript:alert(1)");
        bad.put("defaultCurrency", "EURO");
        bad.put("timeZone", "+02:00");
        bad.put("payoutMethod", "CHEQUE");
        bad.put("minimumPayout", "-5");
        bad.put("senderName", "Evil\r\nBcc: everyone@example.com");
        bad.put("colour", "red");
        JsonNode problem = problem(api.patch("/api/v1/brand", bad), 400);
        List<String> fields = problem.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
        assertThat(fields).containsExactlyInAnyOrder("name", "senderEmail", "website", "defaultCurrency", "timeZone",
                "payoutMethod", "minimumPayout", "senderName", "colour");

        JsonNode got = api.get("/api/v1/brand").json();
        assertThat(got.get("name").asString()).isEqualTo(brand.name());
        assertThat(got.get("senderEmail").isNull()).isTrue();
    }

    @Test
    void aLogoMustBeASmallImageOfTheTypeItClaims() {
        String svg = "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString("<svg/>".getBytes());
        assertThat(problem(api.patch("/api/v1/brand", Map.of("logo", svg)), 400).get("detail").asString())
                .contains("PNG, JPEG, GIF or WebP");
        assertThat(problem(api.patch("/api/v1/brand", Map.of("logo", PNG_DATA_URL.replace("png", "gif"))), 400)
                .get("detail").asString()).contains("image/png");
        byte[] big = new byte[Logo.MAX_BYTES + 1];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        problem(api.patch("/api/v1/brand", Map.of("logo",
                "data:image/png;base64," + Base64.getEncoder().encodeToString(big))), 400);
        problem(api.patch("/api/v1/brand", Map.of("logo", "https://example.com/logo.png")), 400);
        assertThat(api.get("/api/v1/brand").json().get("logo").isNull()).isTrue();
    }

    @Test
    void aNewOfferWithoutACurrencyIsInTheBrandsDefaultCurrency() {
        api.patch("/api/v1/brand", Map.of("defaultCurrency", "GBP"));
        JsonNode offer = createOffer(Map.of("name", "Tea towels", "type", "PROMO_CODE", "conversionType", "SALE",
                "payouts", List.of(Map.of("type", "CPA", "amount", "3"))));
        assertThat(offer.get("currency").asString()).isEqualTo("GBP");
        JsonNode chosen = createOffer(Map.of("name", "Mugs", "type", "PROMO_CODE", "conversionType", "SALE",
                "currency", "USD", "payouts", List.of(Map.of("type", "CPA", "amount", "3"))));
        assertThat(chosen.get("currency").asString()).isEqualTo("USD");
    }

    @Test
    void aBodyThatIsNotAnObjectOrHasNonTextValuesIsRefused() {
        problem(api.patch("/api/v1/brand", "[1, 2]"), 400);
        problem(api.patch("/api/v1/brand", Map.of("name", 42)), 400);
        assertThat(api.patch("/api/v1/brand", Map.of("minimumPayout", 12.5)).json().get("minimumPayout").asString())
                .isEqualTo("12.50");
    }

    @Test
    void anotherBrandsKeySeesAndChangesOnlyItsOwnBrand() {
        Brand other = brands.create("Other brand");
        String otherKey = brands.createKey(other.id(), "other").plainText();
        api.withKey(otherKey).patch("/api/v1/brand", Map.of("name", "Renamed other"));
        assertThat(api.get("/api/v1/brand").json().get("name").asString()).isEqualTo(brand.name());
        assertThat(api.withKey(null).get("/api/v1/brand").status()).isEqualTo(401);
    }
}
