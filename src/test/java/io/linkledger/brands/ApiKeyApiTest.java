package io.linkledger.brands;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.linkledger.support.ApiTest;
import tools.jackson.databind.JsonNode;

class ApiKeyApiTest extends ApiTest {

    @Test
    void aNewKeyIsShownOnceWorksAndStopsWorkingWhenRevoked() {
        JsonNode created = created(api.post("/api/v1/api-keys", Map.of("name", "Shopify app")));
        String secret = created.get("key").asString();
        assertThat(secret).startsWith("llk_").hasSizeGreaterThan(40);
        assertThat(api.withKey(secret).get("/api/v1/offers").status()).isEqualTo(200);

        JsonNode listed = api.get("/api/v1/api-keys").json();
        assertThat(listed.toString()).doesNotContain(secret);
        JsonNode shopify = listed.valueStream().filter(k -> k.get("name").asString().equals("Shopify app"))
                .findFirst().orElseThrow();
        assertThat(secret).startsWith(shopify.get("prefix").asString());
        assertThat(shopify.get("lastUsedAt").isNull()).isFalse();

        assertThat(api.delete("/api/v1/api-keys/" + created.get("id").asString()).status()).isEqualTo(204);
        problem(api.withKey(secret).get("/api/v1/offers"), 401);
        assertThat(api.get("/api/v1/offers").status()).isEqualTo(200);
    }

    @Test
    void keysOfAnotherBrandCannotBeRevoked() {
        String otherBrandKeyId = brands.createKey(brands.create("Other").id(), "theirs").id().toString();
        problem(api.delete("/api/v1/api-keys/" + otherBrandKeyId), 404);
        problem(api.post("/api/v1/api-keys", Map.of("name", "")), 400);
    }
}
