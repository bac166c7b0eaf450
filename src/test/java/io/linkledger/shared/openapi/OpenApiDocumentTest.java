package io.linkledger.shared.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.linkledger.support.ApiTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document says what the server really does, so a client generated from it works.
 * Writes the live document to {@code target/openapi.json} (what {@code .ci/openapi-lint.sh}
 * lints) and checks that the copy the test client is generated from is the live one.
 */
class OpenApiDocumentTest extends ApiTest {

    static final Path CHECKED_IN = Path.of("src/test/resources/openapi/linkledger.json");
    private static final Path WRITTEN = Path.of("target/openapi.json");
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    private JsonNode document;

    @BeforeEach
    void readTheLiveDocument() throws IOException {
        var response = api.withKey(null).get("/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        document = response.json();
        Files.createDirectories(WRITTEN.getParent());
        Files.writeString(WRITTEN, JSON.writeValueAsString(document) + "\n");
    }

    @Test
    void theCheckedInCopyTheTestClientIsGeneratedFromIsTheLiveDocument() throws IOException {
        if (Boolean.getBoolean("openapi.refresh")) {
            Files.createDirectories(CHECKED_IN.getParent());
            Files.writeString(CHECKED_IN, JSON.writeValueAsString(document) + "\n");
        }
        JsonNode checkedIn = JSON.readTree(Files.readString(CHECKED_IN));
        assertThat(checkedIn.equals(document))
                .as(CHECKED_IN + " is not the document the server serves (an endpoint or a schema changed). Refresh "
                        + "it with: ./mvnw test -Dtest=OpenApiDocumentTest -Dopenapi.refresh=true, and commit it "
                        + "(the generated test client is built from it)")
                .isTrue();
    }

    @Test
    void noBodyIsOfAnyMediaType() {
        assertThat(document.toString()).doesNotContain("*/*");
    }

    @Test
    void everyOperationHasAStableIdATagASummaryAndItsErrors() {
        Set<String> tags = new HashSet<>();
        document.get("tags").forEach(tag -> tags.add(tag.get("name").asString()));
        Set<String> ids = new HashSet<>();
        List<String> problems = new ArrayList<>();
        operations((where, operation) -> {
            String id = operation.path("operationId").asString("");
            if (!id.matches("[a-z][A-Za-z0-9]*") || id.matches(".*_\\d+$") || !ids.add(id)) {
                problems.add(where + ": operationId '" + id + "' is not a unique camelCase name");
            }
            if (operation.path("tags").size() != 1 || !tags.contains(operation.get("tags").get(0).asString())) {
                problems.add(where + ": not exactly one declared tag");
            }
            if (operation.path("summary").asString("").isBlank()) {
                problems.add(where + ": no summary");
            }
            JsonNode responses = operation.get("responses");
            if (responses.propertyNames().stream().noneMatch(status -> status.startsWith("4"))) {
                problems.add(where + ": no error response");
            }
            for (String status : responses.propertyNames()) {
                if (status.matches("[45]\\d\\d") && !where.contains(" /r/")
                        && !responses.get(status).path("content").path("application/problem+json").path("schema")
                                .path("$ref").asString("").equals("#/components/schemas/Problem")) {
                    problems.add(where + ": " + status + " is not an application/problem+json Problem");
                }
            }
        });
        assertThat(problems).isEmpty();
        assertThat(ids).contains("offerCreate", "offerList", "memberCreate", "paymentPay", "balanceGet");
        assertThat(document.at("/components/schemas/Problem/properties").propertyNames())
                .contains("title", "status", "detail", "errors");
    }

    @Test
    void theApiTakesItsKeyAndSaysWhoMayNotCallIt() {
        operations((where, operation) -> {
            if (where.contains(" /api/")) {
                assertThat(operation.has("security")).as(where).isFalse();
                assertThat(operation.get("responses").propertyNames()).as(where).contains("401", "403");
            }
        });
        assertThat(document.at("/security/0").propertyNames()).containsExactly("apiKey");
    }

    @Test
    void theInboundEndpointsClaimNoBearerAndShowTheirRealCredentials() {
        operations((where, operation) -> {
            if (!where.contains(" /api/")) {
                assertThat(operation.has("security")).as(where + " must declare its own security").isTrue();
                operation.get("security").forEach(requirement ->
                        assertThat(requirement.has("apiKey")).as(where + " takes no API key").isFalse());
            }
        });
        assertThat(document.get("paths").propertyNames()).contains("/postback/{key}", "/webhooks/shopify/{key}",
                "/webhooks/paypal/payouts", "/webhooks/stripe", "/px/{key}.gif", "/r/{code}", "/d/{token}.json");
        assertThat(parameterNames("/postback/{key}", "get")).contains("key", "transaction_id", "amount", "signature",
                "timestamp", "hash");
        assertThat(document.at("/paths/~1postback~1{key}/post/requestBody/content")
                .has("application/x-www-form-urlencoded")).isTrue();
        assertThat(document.at("/paths/~1postback~1{key}/get/security/1").has("postbackBasic")).isTrue();
        assertThat(requiredHeaders("/webhooks/shopify/{key}")).contains("X-Shopify-Hmac-Sha256");
        assertThat(requiredHeaders("/webhooks/stripe")).contains("Stripe-Signature");
        assertThat(requiredHeaders("/webhooks/paypal/payouts")).contains("PAYPAL-TRANSMISSION-SIG",
                "PAYPAL-CERT-URL");
        assertThat(document.at("/paths/~1r~1{code}/get/responses").has("302")).isTrue();
        assertThat(document.at("/paths/~1d~1{token}.json/get/responses/200/content/application~1json/schema/$ref")
                .asString()).isEqualTo("#/components/schemas/DashboardJson");
    }

    @Test
    void createsSayTheStatusTheServerAnswers() {
        Map<String, String> created = Map.of(
                "/api/v1/offers", "post", "/api/v1/members", "post", "/api/v1/projects", "post",
                "/api/v1/payments", "post", "/api/v1/remittances", "post", "/api/v1/integrations", "post",
                "/api/v1/api-keys", "post", "/api/v1/users", "post", "/api/v1/balance/fundings", "post");
        created.forEach((path, method) -> assertThat(document.get("paths").get(path).get(method).get("responses")
                .propertyNames()).as(method + " " + path).contains("201").doesNotContain("200"));
        assertThat(document.at("/paths/~1api~1v1~1offers~1{offerId}~1members~1{memberId}~1dashboard-link/delete"
                + "/responses").propertyNames()).contains("204").doesNotContain("200");
    }

    @Test
    void schemaNamesAreUniqueAndReadable() {
        // ReadableSchemaNames falls back to a qualified name (with dots) when two types share a name.
        assertThat(document.get("components").get("schemas").propertyNames())
                .as("two types got the same schema name; give one a distinct name or @Schema(name = ...)")
                .allMatch(name -> name.matches("[A-Za-z0-9]+"));
        assertThat(document.get("components").get("schemas").propertyNames())
                .contains("Payment", "PaymentMethod", "Balance", "TopUp", "Remittance", "Problem")
                .doesNotContain("View", "ProblemDetail", "JsonNode");
    }

    private void operations(BiConsumer<String, JsonNode> check) {
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (METHODS.contains(operation.getKey())) {
                check.accept(operation.getKey().toUpperCase() + " " + path.getKey(), operation.getValue());
            }
        }));
    }

    private List<String> parameterNames(String path, String method) {
        List<String> names = new ArrayList<>();
        document.get("paths").get(path).get(method).get("parameters").forEach(p -> names.add(p.get("name").asString()));
        return names;
    }

    private List<String> requiredHeaders(String path) {
        List<String> names = new ArrayList<>();
        document.get("paths").get(path).get("post").get("parameters").forEach(p -> {
            if (p.get("in").asString().equals("header") && p.path("required").asBoolean(false)) {
                names.add(p.get("name").asString());
            }
        });
        return names;
    }
}
