package io.linkledger.conversions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.linkledger.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * What a probe of the running server found on the inbound side: one anonymous pixel hit must not
 * stop intake for everyone, errors stay small, inputs that can never be stored or priced are 400s
 * (never "409 retry it"), and the raw log has bounds.
 */
class InboundRobustnessTest extends ConversionApiTest {

    @Autowired
    InboundRepository inboundRepository;

    @Autowired
    PostbackBatcher batcher;

    private Api.Response pixel(String key, String query, String tid) {
        return api.withKey(null).send(api.withKey(null).request("/px/" + key + ".gif?" + query)
                .header("Cookie", "ll_tid=" + tid).GET());
    }

    private int health() {
        return api.withKey(null).get("/actuator/health").status();
    }

    @Test
    void aHugeExponentIsRefusedSmallAndIntakeGoesOn() {
        Setup s = linkOfferWithMember("CPS", null, "10");
        String pixelKey = integration(Map.of("type", "PIXEL", "name", "Thank-you page")).get("key").asString();
        String postbackKey = integration(Map.of("type", "POSTBACK", "name", "Network")).get("key").asString();
        String tid = click(s, hoursAgo(1));

        for (String amount : new String[] {"1e-2147483647", "1e-99999999", "1E%2B2147483647"}) {
            Api.Response refused = pixel(pixelKey, "order_id=x&amount=" + amount, tid);
            JsonNode body = problem(refused, 400);
            assertThat(refused.body()).hasSizeLessThan(2048);
            assertThat(body.get("errors").get(0).get("field").asString()).isEqualTo("amount");
        }

        long started = System.nanoTime();
        Api.Response next = getPostback(postbackKey, params("transaction_id", click(s, hoursAgo(1)), "order_id",
                "after-the-probe", "amount", "10.00"));
        assertThat(next.status()).as(next.toString()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(health()).isEqualTo(200);
        assertThat(conversionCount()).isEqualTo(1);
    }

    @Test
    void aStoppedFlusherMakesHealthDownAndTheNextPostbackStartsANewOne() throws Exception {
        Setup s = linkOfferWithMember("CPA", "1.00", null);
        String key = integration(Map.of("type", "POSTBACK", "name", "Network")).get("key").asString();
        Thread flusher = batcher.flusherThread();

        flusher.interrupt();
        flusher.join(5000);

        assertThat(flusher.isAlive()).isFalse();
        Api.Response down = api.withKey(null).get("/actuator/health");
        assertThat(down.status()).as(down.toString()).isEqualTo(503);
        assertThat(down.json().get("status").asString()).isEqualTo("DOWN");
        Api.Response postback = getPostback(key, params("transaction_id", click(s, hoursAgo(1)), "order_id", "o-1",
                "amount", "5.00"));
        assertThat(postback.status()).as(postback.toString()).isEqualTo(200);
        assertThat(health()).isEqualTo(200);
    }

    @Test
    void inputsThatCanNeverSucceedAreBadRequestsNotConflicts() {
        Setup s = linkOfferWithMember("CPS", null, "10");
        JsonNode integration = integration(Map.of("type", "POSTBACK", "name", "Network"));
        String key = integration.get("key").asString();
        String tid = click(s, hoursAgo(1));

        Map<String, Map<String, String>> cases = Map.of(
                "currency XXX", params("transaction_id", tid, "order_id", "c-1", "amount", "1.00", "currency", "XXX"),
                "test currency", params("transaction_id", tid, "order_id", "c-2", "amount", "1.00", "currency", "XTS"),
                "Arabic-Indic digits", params("transaction_id", tid, "order_id", "c-3", "amount", "١٢.٠٠"),
                "year 0000", params("transaction_id", tid, "order_id", "c-4", "amount", "1.00",
                        "date", "0000-01-01T00:00:00Z"),
                "year 9999", params("transaction_id", tid, "order_id", "c-5", "amount", "1.00",
                        "date", "9999-12-31 23:59:59"),
                "30 February", params("transaction_id", tid, "order_id", "c-6", "amount", "1.00",
                        "date", "2026-02-30 10:00:00"),
                "NUL byte", params("transaction_id", tid, "order_id", "c-7\u0000", "amount", "1.00"),
                "over-long order id", params("transaction_id", tid, "order_id", "o".repeat(201), "amount", "1.00"),
                "numeric overflow", params("transaction_id", tid, "order_id", "c-9", "amount",
                        "92233720368547758.08"));
        cases.forEach((name, params) -> {
            Api.Response response = getPostback(key, params);
            assertThat(response.status()).as(name + ": " + response).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.body()).as(name).hasSizeLessThan(2048);
        });

        assertThat(conversionCount()).isZero();
        assertThat(count("select count(*) from inbound_requests where integration_id = ? and status_code = 400",
                UUID.fromString(integration.get("id").asString()))).isEqualTo(cases.size());
    }

    @Test
    void aPostbackFailingItsBasicAuthKeepsOnlyTheStartOfItsBody() {
        JsonNode integration = integration(Map.of("type", "SHAREASALE", "name", "ShareASale", "basicAuthUser", "sas",
                "basicAuthPassword", "pa55word"));

        problem(api.withKey(null).postText("/postback/" + integration.get("key").asString(),
                "application/x-www-form-urlencoded", "afftrack=x&transID=1&note=" + "n".repeat(900_000)), 401);

        Map<String, Object> row = jdbc.sql("select length(body) as length, body_truncated from inbound_requests"
                + " where integration_id = ?").param(UUID.fromString(integration.get("id").asString())).query().singleRow();
        assertThat(((Number) row.get("length")).intValue()).isEqualTo(InboundRequest.UNAUTHENTICATED_BODY_CHARS);
        assertThat(row.get("body_truncated")).isEqualTo(true);
    }

    @Test
    void rawRequestsOlderThanTheRetentionAreDeletedInBatchesAndConversionsStay() {
        Setup s = linkOfferWithMember("CPA", "2.00", null);
        JsonNode integration = integration(Map.of("type", "POSTBACK", "name", "Network"));
        String key = integration.get("key").asString();
        String id = getPostback(key, params("transaction_id", click(s, hoursAgo(1)), "order_id", "kept",
                "amount", "5.00")).json().get("conversionId").asString();
        for (int i = 0; i < 5; i++) {
            getPostback(key, params("transaction_id", "unknown-" + i, "amount", "1.00"));
        }
        UUID integrationId = UUID.fromString(integration.get("id").asString());
        jdbc.sql("update inbound_requests set received_at = ? where integration_id = ?")
                .params(java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(91))), integrationId).update();
        getPostback(key, params("transaction_id", "unknown-recent", "amount", "1.00"));

        // Two rows a statement, so the six old rows take several; rows of other tests are never this old.
        InboundRetention retention = new InboundRetention(inboundRepository, java.time.Clock.systemUTC(), 90, 2);
        assertThat(retention.deleteReceivedBefore(Instant.now().minus(Duration.ofDays(90)))).isEqualTo(6);

        assertThat(count("select count(*) from inbound_requests where integration_id = ?", integrationId)).isEqualTo(1);
        JsonNode kept = conversion(id);
        assertThat(kept.get("status").asString()).isEqualTo("PENDING");
        assertThat(kept.get("history")).hasSize(1);
    }
}
