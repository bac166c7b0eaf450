package io.linkledger.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import io.linkledger.ledger.MemberPaid;
import io.linkledger.ledger.PayoutFailed;
import io.linkledger.shared.Money;
import io.linkledger.support.Api;
import io.linkledger.support.ApiTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The webhooks API: endpoints with a secret shown once and sealed at rest, refused input that
 * writes nothing, one brand's endpoints invisible to another, and the events queued for them.
 * Delivery itself is {@link WebhookDeliveryTest}'s.
 */
class WebhookApiTest extends ApiTest {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theSecretIsShownOnCreationAndRotationOnlyAndKeptSealed() {
        JsonNode created = created(api.post("/api/v1/webhooks", Map.of("url", "https://hooks.example.com/ll",
                "events", List.of("payment.completed", "conversion.created"), "description", "CRM")));
        String id = created.get("id").asString();
        String secret = created.get("secret").asString();
        assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(40);
        assertThat(created.get("events").toString()).isEqualTo("[\"conversion.created\",\"payment.completed\"]");
        assertThat(created.get("enabled").asBoolean()).isTrue();

        String stored = jdbc.sql("select secret_sealed from webhook_endpoints where id = ?")
                .param(UUID.fromString(id)).query(String.class).single();
        assertThat(stored).startsWith("v1.").doesNotContain(secret.substring(6));

        JsonNode read = api.get("/api/v1/webhooks/" + id).json();
        assertThat(read.has("secret")).isFalse();
        assertThat(read.get("description").asString()).isEqualTo("CRM");
        assertThat(api.get("/api/v1/webhooks").body()).doesNotContain(secret);

        Api.Response rotated = api.post("/api/v1/webhooks/" + id + "/rotate-secret", Map.of());
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(rotated.json().get("secret").asString()).startsWith("whsec_").isNotEqualTo(secret);
        assertThat(rotated.json().get("secretRotatedAt").isNull()).isFalse();
    }

    @Test
    void badInputIsRefusedWithAProblemAndWritesNothing() {
        JsonNode ftp = problem(api.post("/api/v1/webhooks", Map.of("url", "ftp://hooks.example.com/x",
                "events", List.of("conversion.created"))), 400);
        assertThat(ftp.toString()).contains("https://");
        problem(api.post("/api/v1/webhooks", Map.of("url", "https://user:pw@hooks.example.com/x",
                "events", List.of("conversion.created"))), 400);
        JsonNode noEvents = problem(api.post("/api/v1/webhooks", Map.of("url", "https://hooks.example.com/x",
                "events", List.of())), 400);
        assertThat(noEvents.get("detail").asString()).contains("events", "member.assigned");
        JsonNode unknown = problem(api.post("/api/v1/webhooks", Map.of("url", "https://hooks.example.com/x",
                "events", List.of("conversion.deleted"))), 400);
        assertThat(unknown.get("detail").asString()).contains("'conversion.deleted' is not an event");
        problem(api.post("/api/v1/webhooks", Map.of("url", "https://hooks.example.com/x",
                "events", List.of("conversion.created"), "description", "x".repeat(201))), 400);
        assertThat(count("select count(*) from webhook_endpoints where brand_id = ?", brand.id())).isZero();

        String id = created(api.post("/api/v1/webhooks", Map.of("url", "https://hooks.example.com/x",
                "events", List.of("conversion.created")))).get("id").asString();
        problem(api.patch("/api/v1/webhooks/" + id, Map.of("url", "gopher://x", "description", "changed")), 400);
        assertThat(api.get("/api/v1/webhooks/" + id).json().get("description").isNull()).isTrue();
    }

    @Test
    void endpointsAreChangedDeletedAndInvisibleToOtherBrands() {
        String id = created(api.post("/api/v1/webhooks", Map.of("url", "https://hooks.example.com/x",
                "events", List.of("conversion.created")))).get("id").asString();
        JsonNode changed = api.patch("/api/v1/webhooks/" + id, Map.of("events",
                List.of("conversion.reversed", "conversion.held"), "enabled", false)).json();
        assertThat(changed.get("url").asString()).isEqualTo("https://hooks.example.com/x");
        assertThat(changed.get("events").toString()).isEqualTo("[\"conversion.reversed\",\"conversion.held\"]");
        assertThat(changed.get("enabled").asBoolean()).isFalse();

        Api.Response otherBrand = api.withKey(brands.createKey(brands.create("Other " + UUID.randomUUID()).id(),
                "other").plainText()).get("/api/v1/webhooks/" + id);
        problem(otherBrand, 404);

        assertThat(api.delete("/api/v1/webhooks/" + id).status()).isEqualTo(204);
        problem(api.get("/api/v1/webhooks/" + id), 404);
        assertThat(api.get("/api/v1/webhooks").json().get("items").size()).isZero();
    }

    @Test
    void assigningAMemberQueuesMemberAssignedWithItsLinkAndNoDashboardLink() {
        String endpointId = created(api.post("/api/v1/webhooks", Map.of("url", "https://hooks.example.com/x",
                "events", List.of("member.assigned")))).get("id").asString();
        String offerId = createLinkOffer("Socks").get("id").asString();
        String memberId = createMember("Ada", UUID.randomUUID() + "@example.test").get("id").asString();
        JsonNode assignment = assign(offerId, memberId).get(0);
        assign(offerId, memberId); // assigning again makes nothing new

        List<String> payloads = payloads(endpointId);
        assertThat(payloads).hasSize(1);
        JsonNode payload = json.readTree(payloads.getFirst());
        assertThat(payload.get("type").asString()).isEqualTo("member.assigned");
        assertThat(payload.get("data").get("memberId").asString()).isEqualTo(memberId);
        assertThat(payload.get("data").get("offerId").asString()).isEqualTo(offerId);
        assertThat(payload.get("data").get("trackingLink").asString())
                .isEqualTo(assignment.get("trackingLink").asString());
        assertThat(payloads.getFirst()).doesNotContain(assignment.get("dashboardLink").asString());
    }

    @Test
    void paymentsQueueCompletedAndFailedOnlyForEndpointsThatTakeThem() {
        String payments = created(api.post("/api/v1/webhooks", Map.of("url", "https://hooks.example.com/pay",
                "events", List.of("payment.completed", "payment.failed")))).get("id").asString();
        String conversionsOnly = created(api.post("/api/v1/webhooks", Map.of("url", "https://hooks.example.com/c",
                "events", List.of("conversion.created")))).get("id").asString();
        UUID memberId = UUID.fromString(createMember("Ada", UUID.randomUUID() + "@example.test").get("id").asString());
        UUID paymentId = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-20T10:00:00Z");
        transactions.executeWithoutResult(status -> {
            events.publishEvent(new MemberPaid(brand.id(), memberId, paymentId, Money.ofMinor(1250, "EUR"), at));
            events.publishEvent(new PayoutFailed(brand.id(), memberId, paymentId, Money.ofMinor(300, "EUR"),
                    "failed: RECEIVER_UNREGISTERED", at));
        });

        Map<String, JsonNode> sent = payloads(payments).stream().map(json::readTree)
                .collect(Collectors.toMap(p -> p.get("type").asString(), p -> p));
        assertThat(sent.keySet()).containsExactlyInAnyOrder("payment.completed", "payment.failed");
        JsonNode paid = sent.get("payment.completed");
        assertThat(paid.get("created").asString()).isEqualTo("2026-11-20T10:00:00Z");
        assertThat(paid.get("data").get("amount").asString()).isEqualTo("12.50");
        assertThat(paid.get("data").get("currency").asString()).isEqualTo("EUR");
        assertThat(paid.get("data").get("paymentId").asString()).isEqualTo(paymentId.toString());
        JsonNode failed = sent.get("payment.failed");
        assertThat(failed.get("data").get("reason").asString()).isEqualTo("failed: RECEIVER_UNREGISTERED");
        assertThat(payloads(conversionsOnly)).isEmpty();
    }

    @Test
    void theDeliveryLogIsPagedAndAnUnknownDeliveryCannotBeReplayed() {
        String endpointId = created(api.post("/api/v1/webhooks", Map.of("url", "https://hooks.example.com/x",
                "events", List.of("member.assigned")))).get("id").asString();
        String offerId = createLinkOffer("Socks").get("id").asString();
        for (int i = 0; i < 3; i++) {
            assign(offerId, createMember("M" + i, UUID.randomUUID() + "@example.test").get("id").asString());
        }
        JsonNode page = api.get("/api/v1/webhooks/" + endpointId + "/deliveries?limit=2&offset=1").json();
        assertThat(page.get("total").asInt()).isEqualTo(3);
        assertThat(page.get("items").size()).isEqualTo(2);
        assertThat(page.get("items").get(0).get("event").asString()).isEqualTo("member.assigned");
        problem(api.post("/api/v1/webhooks/" + endpointId + "/deliveries/" + UUID.randomUUID() + "/replay", Map.of()),
                404);
    }

    @Test
    void theOpenApiDocumentDescribesTheRequestOfEveryEvent() {
        JsonNode document = api.get("/v3/api-docs").json();
        for (WebhookEvent event : WebhookEvent.values()) {
            JsonNode post = document.get("webhooks").get(event.type()).get("post");
            assertThat(post.get("parameters").toString()).as(event.type()).contains("Linkledger-Signature",
                    "Linkledger-Event-Id");
            assertThat(post.at("/requestBody/content/application~1json/schema/allOf/0/$ref").asString())
                    .isEqualTo("#/components/schemas/WebhookPayload");
        }
        assertThat(document.at("/webhooks/payment.failed/post/requestBody/content/application~1json/schema/allOf/1"
                + "/properties/data/$ref").asString()).isEqualTo("#/components/schemas/WebhookPaymentData");
        assertThat(document.at("/components/schemas/WebhookConversionData/properties").propertyNames())
                .contains("conversionId", "status", "previousStatus", "amount", "commission", "currency");
    }

    private List<String> payloads(String endpointId) {
        return jdbc.sql("select payload from webhook_deliveries where endpoint_id = ? order by created_at, id")
                .param(UUID.fromString(endpointId)).query(String.class).list();
    }
}
