package io.linkledger.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.linkledger.support.ApiTest;

/** Cross-cutting behaviour: errors, bootstrap key, OpenAPI, health and metrics. */
class PlatformApiTest extends ApiTest {

    @Test
    void unknownPathsAndMethodsAnswerProblems() {
        problem(api.get("/api/v1/nothing-here"), 404);
        problem(api.delete("/api/v1/offers"), 405);
        assertThat(problem(api.get("/api/v1/offers/not-a-uuid"), 400).get("detail").asString()).contains("not-a-uuid");
    }

    @Test
    void bootstrapKeyFromTheEnvironmentWorksAndIsStoredHashed() {
        String bootstrapKey = "test-bootstrap-key-0123456789abcdef";
        assertThat(api.withKey(bootstrapKey).get("/api/v1/offers").status()).isEqualTo(200);
        assertThat(count("select count(*) from api_keys where key_hash = ? and last_used_at is not null",
                Tokens.sha256(bootstrapKey))).isEqualTo(1);
        assertThat(count("select count(*) from api_keys where key_hash = ? or key_prefix = ?", bootstrapKey,
                bootstrapKey)).isZero();
    }

    @Test
    void openApiDescribesTheApi() {
        var docs = api.withKey(null).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").propertyNames())
                .contains("/api/v1/offers", "/api/v1/members", "/api/v1/projects", "/api/v1/offers/{offerId}/members",
                        "/api/v1/jobs/{id}");
    }

    @Test
    void healthAndPrometheusAreExposed() {
        var health = api.withKey(null).get("/actuator/health");
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        var metrics = api.withKey("test-metrics-token-0123456789").get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests");
    }

    @Test
    void bodyOnAnEndpointWithoutOneIsIgnoredButBadJsonIsNot() {
        problem(api.post("/api/v1/members", "[1,2"), 400);
        problem(api.post("/api/v1/members", Map.of("name", 5, "email", Map.of())), 400);
    }
}
