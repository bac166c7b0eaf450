package io.linkledger.conversions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.linkledger.conversions.Integration.CreditPriority;
import io.linkledger.conversions.Integration.Credentials;
import io.linkledger.conversions.Integration.Crediting;
import io.linkledger.conversions.Integration.Reading;
import io.linkledger.conversions.Integration.Signature;
import io.linkledger.shared.FieldIssue;
import io.linkledger.shared.ProblemException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Property-based fuzzing of the inbound parsers themselves, many tries a second: whatever a
 * caller sends, reading it either succeeds or is a problem (400, 401 or 422) with a short detail,
 * never another exception. The HTTP endpoints are fuzzed in {@link InboundFuzzTest}.
 */
class InboundParsingFuzzTest {

    private static final Instant NOW = Instant.parse("2026-11-21T09:30:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SECRET = "fuzz-secret-0123456789";

    private final PostbackParser parser = new PostbackParser(Duration.ofMinutes(5));

    private static Integration integration(IntegrationType type, Signature signature, String hashAlgorithm) {
        return new Integration(UUID.randomUUID(), UUID.randomUUID(), type, "Fuzz",
                new Credentials("h", SECRET, signature, hashAlgorithm, null, null, List.of()),
                new Reading(Map.of(), ZoneId.of("America/New_York"), "orders/create"),
                new Crediting(null, CreditPriority.LINK), Instant.EPOCH, Integration.Access.NEW);
    }

    /** Runs {@code attempt} and checks it ended as a success or a small, well-formed problem. */
    private static void problemOrNothing(Fuzz fuzz, int attempt, String input, Runnable work) {
        try {
            work.run();
        } catch (ProblemException e) {
            String at = "seed " + fuzz.seed + ", try " + attempt + ", input " + abbreviate(input);
            assertThat(e.status().value()).as(at).isIn(400, 401, 422);
            assertThat(e.getMessage()).as(at).isNotBlank().hasSizeLessThan(400);
            for (FieldIssue issue : e.fieldIssues()) {
                assertThat(issue.message()).as(at).hasSizeLessThan(200);
            }
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("seed " + fuzz.seed + ", try " + attempt + ": " + e + " for " + abbreviate(input), e);
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500) + "… (" + text.length() + " chars)";
    }

    @Test
    void postbacksArePostbacksOrProblems() {
        Fuzz fuzz = new Fuzz(Fuzz.seed("parse-postbacks"));
        List<Integration> integrations = List.of(integration(IntegrationType.POSTBACK, Signature.NONE, null),
                integration(IntegrationType.POSTBACK, Signature.HMAC_SHA256, null),
                integration(IntegrationType.POSTBACK, Signature.LEGACY_HASH, "MD5"),
                integration(IntegrationType.SHAREASALE, Signature.SHAREASALE_HASH, "SHA256"),
                integration(IntegrationType.SHAREASALE, Signature.NONE, null),
                integration(IntegrationType.PIXEL, Signature.NONE, null));
        for (int i = 0; i < Fuzz.tries(5000); i++) {
            Integration integration = fuzz.pick(integrations);
            List<Map.Entry<String, String>> params = fuzz.params();
            if (integration.credentials().signature() == Signature.HMAC_SHA256 && fuzz.chance(70)) {
                // Signed, so the values reach the parser past the signature check.
                params.add(Map.entry("timestamp", Long.toString(NOW.getEpochSecond() - fuzz.random.nextInt(-400, 400))));
                params.add(Map.entry("signature", Signatures.hmacSha256Hex(SECRET, Signatures.canonical(params,
                        "signature"))));
            }
            String query = fuzz.encode(params, fuzz.chance(20));
            Inbound inbound = new Inbound("GET", query, fuzz.chance(50) ? Map.of(Inbound.COOKIE_TID, fuzz.value())
                    : Map.of(), null, "127.0.0.1");
            problemOrNothing(fuzz, i, query, () -> {
                parser.verify(integration, inbound, NOW);
                parser.parse(integration, inbound, NOW);
            });
        }
    }

    @Test
    void shopifyBodiesAreOrdersRefundsOrProblems() throws IOException {
        Fuzz fuzz = new Fuzz(Fuzz.seed("parse-shopify"));
        List<JsonNode> samples = List.of(sample("webhook-orders-paid.json"), sample("webhook-refunds-create.json"),
                sample("rest-refund-shipping-order-adjustment.json").get("refund"),
                sample("rest-order-450789469-with-discount-and-refund.json").get("orders").get(0),
                ShopifyWebhookTest.paidOrder("CODE10"));
        for (int i = 0; i < Fuzz.tries(5000); i++) {
            String body = fuzz.write(JSON, fuzz.mutate(fuzz.pick(samples)));
            problemOrNothing(fuzz, i, body, () -> {
                JsonNode node = ShopifyJson.object(JSON, body);
                ShopifyOrder.read(node).claim(NOW);
            });
            problemOrNothing(fuzz, i, body, () -> {
                JsonNode node = ShopifyJson.object(JSON, body);
                ShopifyRefund.Refunded refunded = ShopifyRefund.read(node).merchandise(Currency.getInstance("USD"));
                assertThat(refunded.amount() != null || refunded.problem() != null).isTrue();
            });
        }
    }

    /** Found by {@link InboundFuzzTest} (seed -3991956647523422502): Jackson's own limit on decimals. */
    @Test
    void aDecimalBeyondJacksonsLimitsIsABadRequest() {
        for (String number : List.of("1e22394314274143", "1e-2147483649", "9".repeat(2000) + ".5")) {
            ProblemException problem = org.assertj.core.api.Assertions.catchThrowableOfType(ProblemException.class,
                    () -> ShopifyJson.object(JSON, "{\"id\": 1, \"total_price\": " + number + "}"));
            assertThat(problem).as(number).isNotNull();
            assertThat(problem.status().value()).isEqualTo(400);
        }
    }

    @Test
    void reportsAreTablesOrProblems() throws IOException {
        Fuzz fuzz = new Fuzz(Fuzz.seed("parse-reports"));
        List<String> shareAsale = List.of(shareAsaleHeader().split("\\|"));
        for (int i = 0; i < Fuzz.tries(3000); i++) {
            String report = fuzz.chance(80) ? fuzz.report(shareAsale) : fuzz.value();
            problemOrNothing(fuzz, i, report, () -> ReportTable.parse(report));
        }
    }

    private static JsonNode sample(String file) throws IOException {
        try (InputStream in = InboundParsingFuzzTest.class.getResourceAsStream("/counterparties/shopify/" + file)) {
            return JSON.readTree(in.readAllBytes());
        }
    }

    static String shareAsaleHeader() throws IOException {
        try (InputStream in = InboundParsingFuzzTest.class.getResourceAsStream(
                "/counterparties/shareasale/activity-report.txt")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        }
    }
}
