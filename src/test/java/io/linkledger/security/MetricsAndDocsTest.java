package io.linkledger.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.linkledger.support.Api;
import io.linkledger.support.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * Metrics hold every brand's figures: only the metrics token reads them. Health stays open for
 * load balancers and tells nothing but UP or DOWN. The API description stays public.
 */
class MetricsAndDocsTest extends ApiTest {

    private static final String METRICS_TOKEN = "test-metrics-token-0123456789";

    @Test
    void metricsNeedTheMetricsToken() {
        Api anonymous = api.withKey(null);
        assertThat(problem(anonymous.get("/actuator/prometheus"), 401).get("detail").asString())
                .contains("LINKLEDGER_METRICS_TOKEN");
        problem(anonymous.withKey("not-the-token").get("/actuator/prometheus"), 401);
        // An API key, even an admin's, is not the metrics token.
        problem(api.get("/actuator/prometheus"), 401);
        problem(anonymous.get("/actuator/metrics"), 401);
        problem(anonymous.get("/actuator/info"), 401);

        Api.Response metrics = anonymous.withKey(METRICS_TOKEN).get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests");
    }

    @Test
    void healthIsOpenButShowsNoDetails() {
        Api.Response health = api.withKey(null).get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        JsonNode body = health.json();
        assertThat(body.get("status").asString()).isEqualTo("UP");
        assertThat(body.has("components")).isFalse();
        assertThat(body.has("details")).isFalse();
        assertThat(api.withKey(null).get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(api.withKey(null).get("/actuator/health/db").status()).isIn(401, 404);
    }

    @Test
    void theApiDescriptionIsPublic() {
        assertThat(api.withKey(null).get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(api.withKey(null).get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
