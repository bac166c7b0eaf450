package io.linkledger.conversions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.linkledger.support.Api;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Property-based fuzzing of every public inbound endpoint over HTTP: postbacks (GET and POST,
 * generic, signed generic and ShareASale), the pixel, Shopify webhooks (signed, so the body
 * reaches parsing) and the report import. The brand has integrations but no offer, member or
 * click, so nothing a request says can be credited. For every request: no 5xx, no "409 retry
 * it", every error is problem+json under 2 KB, and nothing is written but the request's raw row.
 * A failure names its seed: rerun with {@code -Dfuzz.seed=<seed>} (and {@code -Dfuzz.scale=10}
 * for ten times the tries).
 */
class InboundFuzzTest extends ConversionApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SECRET = "fuzz-secret-0123456789";
    /** Queries stay below Tomcat's 8 KB request line; longer values go in POST bodies. */
    private static final int MAX_QUERY = 7000;

    private long written() {
        return count("select count(*) from conversions where brand_id = ?", brand.id())
                + count("select count(*) from conversion_changes c join conversions v on v.id = c.conversion_id"
                        + " where v.brand_id = ?", brand.id());
    }

    private long rows(String integrationId) {
        return count("select count(*) from inbound_requests where integration_id = ?", UUID.fromString(integrationId));
    }

    private void holds(Fuzz fuzz, int attempt, String request, Api.Response response, String integrationId,
            long rowsBefore) {
        String at = "seed " + fuzz.seed + ", try " + attempt + ": " + InboundParsingFuzzTest.abbreviate(request)
                + " -> " + InboundParsingFuzzTest.abbreviate(response.toString());
        assertThat(response.status()).as(at).isLessThan(500).isNotEqualTo(409);
        if (response.status() >= 400) {
            assertThat(response.contentType()).as(at).startsWith("application/problem+json");
            assertThat(response.body().getBytes(StandardCharsets.UTF_8).length).as(at).isLessThan(2048);
        }
        assertThat(rows(integrationId) - rowsBefore).as(at).isBetween(0L, 1L);
        assertThat(written()).as(at).isZero();
    }

    @Test
    void postbacksAndPixelHitsNeverFailNorWriteMoreThanTheirRawRow() {
        Fuzz fuzz = new Fuzz(Fuzz.seed("http-postbacks"));
        List<JsonNode> integrations = List.of(
                integration(Map.of("type", "POSTBACK", "name", "Generic")),
                integration(Map.of("type", "POSTBACK", "name", "Signed", "secret", SECRET)),
                integration(Map.of("type", "POSTBACK", "name", "Mapped", "parameterMap",
                        Map.of("transaction_id", "SubId1", "amount", "Amount"))),
                integration(Map.of("type", "SHAREASALE", "name", "ShareASale", "timeZone", "America/New_York")),
                integration(Map.of("type", "SHAREASALE", "name", "Hashed", "secret", SECRET, "hashAlgorithm", "MD5")),
                integration(Map.of("type", "PIXEL", "name", "Pixel")));
        for (int i = 0; i < Fuzz.tries(1000); i++) {
            JsonNode integration = fuzz.pick(integrations);
            String type = integration.get("type").asString();
            List<Map.Entry<String, String>> params = fuzz.params();
            if (integration.get("name").asString().equals("Signed") && fuzz.chance(70)) {
                params.add(Map.entry("timestamp", Long.toString(Instant.now().getEpochSecond()
                        - fuzz.random.nextInt(-400, 400))));
                params.add(Map.entry("signature", Signatures.hmacSha256Hex(SECRET, Signatures.canonical(params,
                        "signature"))));
            }
            String key = integration.get("key").asString();
            String id = integration.get("id").asString();
            long before = rows(id);
            boolean post = !type.equals("PIXEL") && fuzz.chance(40);
            String encoded = fuzz.encode(params, post);
            Api.Response response;
            if (post) {
                response = api.withKey(null).postText("/postback/" + key, "application/x-www-form-urlencoded", encoded);
            } else {
                String query = encoded.length() > MAX_QUERY ? encoded.substring(0, encoded.lastIndexOf('&', MAX_QUERY) + 1)
                        : encoded;
                String path = (type.equals("PIXEL") ? "/px/" + key + ".gif" : "/postback/" + key) + "?" + query;
                HttpRequest.Builder request = api.withKey(null).request(path).GET();
                if (fuzz.chance(70)) {
                    request.header("Cookie", "ll_tid=" + fuzz.encode(List.of(Map.entry("v", fuzz.text())), false)
                            .substring(2));
                }
                encoded = query;
                response = api.withKey(null).send(request);
            }
            holds(fuzz, i, (post ? "POST " : "GET ") + type + " " + encoded, response, id, before);
        }
    }

    @Test
    void signedShopifyWebhooksNeverFailNorWriteMoreThanTheirRawRow() throws Exception {
        Fuzz fuzz = new Fuzz(Fuzz.seed("http-shopify"));
        JsonNode integration = integration(Map.of("type", "SHOPIFY", "name", "Shop", "secret", SECRET));
        String key = integration.get("key").asString();
        String id = integration.get("id").asString();
        List<JsonNode> samples = List.of(sample("webhook-orders-paid.json"), sample("webhook-orders-cancelled.json"),
                sample("webhook-refunds-create.json"), ShopifyWebhookTest.paidOrder("CODE10"),
                sample("rest-refund-shipping-order-adjustment.json").get("refund"));
        List<String> topics = List.of("orders/paid", "orders/create", "orders/cancelled", "refunds/create",
                "orders/updated", "products/update");
        for (int i = 0; i < Fuzz.tries(500); i++) {
            String body = fuzz.chance(90) ? fuzz.write(JSON, fuzz.mutate(fuzz.pick(samples))) : fuzz.value();
            String topic = fuzz.chance(90) ? fuzz.pick(topics) : fuzz.text();
            String signature = fuzz.chance(90) ? ShopifyWebhookTest.hmac(SECRET, body.getBytes(StandardCharsets.UTF_8))
                    : fuzz.chance(50) ? fuzz.text() : null;
            HttpRequest.Builder request = api.withKey(null).request("/webhooks/shopify/" + key)
                    .header("Content-Type", "application/json")
                    .header("X-Shopify-Webhook-Id", fuzz.chance(80) ? UUID.randomUUID().toString() : "w-" + i % 5)
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (isHeaderValue(topic)) {
                request.header("X-Shopify-Topic", topic);
            }
            if (signature != null && isHeaderValue(signature)) {
                request.header("X-Shopify-Hmac-Sha256", signature);
            }
            long before = rows(id);
            holds(fuzz, i, topic + " " + body, api.withKey(null).send(request), id, before);
        }
    }

    @Test
    void reportImportsAreReconciledOrRefusedSmall() throws Exception {
        Fuzz fuzz = new Fuzz(Fuzz.seed("http-reports"));
        JsonNode integration = integration(Map.of("type", "SHAREASALE", "name", "ShareASale"));
        String path = "/api/v1/integrations/" + integration.get("id").asString() + "/reports";
        List<String> header = List.of(InboundParsingFuzzTest.shareAsaleHeader().split("\\|"));
        for (int i = 0; i < Fuzz.tries(100); i++) {
            String report = fuzz.chance(85) ? fuzz.report(header) : fuzz.value();
            Api.Response response = fuzz.chance(70) ? api.postText(path, "text/csv", report)
                    : api.post(path, Map.of("csv", report, "columns", Map.of(fuzz.pick(ReportImport.ROLES),
                            fuzz.pick(header))));
            String at = "seed " + fuzz.seed + ", try " + i + ": " + InboundParsingFuzzTest.abbreviate(report) + " -> "
                    + InboundParsingFuzzTest.abbreviate(response.toString());
            assertThat(response.status()).as(at).isIn(202, 400);
            if (response.status() == 400) {
                assertThat(response.contentType()).as(at).startsWith("application/problem+json");
                assertThat(response.body().getBytes(StandardCharsets.UTF_8).length).as(at).isLessThan(2048);
            } else {
                JsonNode job = awaitJob(response.json().get("jobId").asString());
                assertThat(job.get("result").get("matched").asInt()).as(at).isZero();
            }
            assertThat(written()).as(at).isZero();
        }
    }

    /** What HttpClient lets a header carry: no control characters but tab. */
    private static boolean isHeaderValue(String value) {
        return value.chars().allMatch(c -> c == '\t' || c >= 0x20 && c != 0x7f && c < 0x100);
    }

    private static JsonNode sample(String file) throws IOException {
        try (InputStream in = InboundFuzzTest.class.getResourceAsStream("/counterparties/shopify/" + file)) {
            return JSON.readTree(in.readAllBytes());
        }
    }
}
