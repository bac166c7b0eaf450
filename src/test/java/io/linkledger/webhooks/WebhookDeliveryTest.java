package io.linkledger.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import io.linkledger.brands.Role;
import io.linkledger.brands.Users;
import io.linkledger.conversions.Conversions;
import io.linkledger.support.Api;
import io.linkledger.support.MailTest;
import io.linkledger.support.MovableClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deliveries to a real HTTP receiver on a real port, which checks every signature: delivered,
 * retried when the receiver is down until it is back, replayed with the same event id, given up
 * and the endpoint disabled (its admins emailed over real SMTP) after 3 days of failures, and
 * nothing sent for a change that rolled back. The application's clock is moved instead of waiting.
 */
@Import(WebhookDeliveryTest.Clocks.class)
@TestPropertySource(properties = {"linkledger.webhooks.deliver=true", "linkledger.webhooks.poll-interval-ms=100"})
class WebhookDeliveryTest extends MailTest {

    /** The brief's ports: one receiver that runs, one where nothing ever listens. */
    private static final int RECEIVER_PORT = 18140;
    private static final int NOBODY_PORT = 18141;

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {

        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    @Autowired
    MovableClock clock;

    @Autowired
    Users users;

    @Autowired
    Conversions conversions;

    @Autowired
    TransactionTemplate transactions;

    private final JsonMapper json = JsonMapper.builder().build();
    private Receiver receiver;

    @BeforeEach
    void startReceiver() throws Exception {
        clock.reset();
        receiver = new Receiver(RECEIVER_PORT, clock).start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
        clock.reset();
    }

    @Test
    void aNewConversionReachesTheReceiverSignedAndTheLogShowsTheAnswer() throws Exception {
        String endpointId = endpoint(receiver.url(), "conversion.created", "conversion.approved");
        Sale sale = sale("ORDER-1", "80.00");

        await("the delivery", () -> receiver.received().size() == 1);
        Receiver.Received got = receiver.received().getFirst();
        assertThat(got.signatureValid()).as("signature checks out with the endpoint's secret").isTrue();
        JsonNode payload = json.readTree(got.body());
        assertThat(payload.get("type").asString()).isEqualTo("conversion.created");
        assertThat(payload.get("id").asString()).isEqualTo(got.eventId());
        assertThat(got.eventType()).isEqualTo("conversion.created");
        JsonNode data = payload.get("data");
        assertThat(data.get("conversionId").asString()).isEqualTo(sale.conversionId());
        assertThat(data.get("status").asString()).isEqualTo("PENDING");
        assertThat(data.get("previousStatus").isNull()).isTrue();
        assertThat(data.get("orderId").asString()).startsWith("ORDER-1-");
        assertThat(data.get("amount").asString()).isEqualTo("80.00");
        assertThat(data.get("commission").asString()).isEqualTo("8.00");
        assertThat(data.get("currency").asString()).isEqualTo("USD");
        assertThat(data.get("memberId").asString()).isEqualTo(sale.memberId());

        JsonNode logged = awaitDelivery(endpointId, d -> d.get("status").asString().equals("DELIVERED"));
        assertThat(ok(api.get("/api/v1/webhooks/" + endpointId + "/deliveries")).get("total").asInt()).isEqualTo(1);
        assertThat(logged.get("responseCode").asInt()).isEqualTo(200);
        assertThat(logged.get("attempts").asInt()).isEqualTo(1);
        assertThat(logged.get("latencyMs").isNumber()).isTrue();
        assertThat(logged.get("id").asString()).isEqualTo(got.deliveryId());

        assertThat(api.post("/api/v1/conversions/" + sale.conversionId() + "/approve", Map.of()).status())
                .isEqualTo(200);
        await("the approval", () -> receiver.received().size() == 2);
        JsonNode approved = json.readTree(receiver.received().get(1).body());
        assertThat(approved.get("type").asString()).isEqualTo("conversion.approved");
        assertThat(approved.get("data").get("previousStatus").asString()).isEqualTo("PENDING");
        assertThat(approved.get("data").get("status").asString()).isEqualTo("APPROVED");
    }

    @Test
    void aReceiverThatIsDownGetsTheEventWhenItIsBack() throws Exception {
        String endpointId = endpoint(receiver.url(), "conversion.created");
        receiver.stop();
        sale("ORDER-2", "10.00");

        JsonNode failed = awaitDelivery(endpointId, d -> d.get("attempts").asInt() >= 1);
        assertThat(failed.get("status").asString()).isEqualTo("QUEUED");
        assertThat(failed.get("responseCode").isNull()).isTrue();
        assertThat(failed.get("error").asString()).contains("ConnectException");
        assertThat(failed.get("nextAttemptAt").isNull()).isFalse();

        receiver.start();
        receiver.answer(503);
        clock.skip(Duration.ofMinutes(2));
        JsonNode refused = awaitDelivery(endpointId, d -> d.get("attempts").asInt() >= 2);
        assertThat(refused.get("responseCode").asInt()).isEqualTo(503);
        assertThat(refused.get("error").asString()).isEqualTo("Answered HTTP 503");

        receiver.answer(204);
        clock.skip(Duration.ofMinutes(5));
        JsonNode delivered = awaitDelivery(endpointId, d -> d.get("status").asString().equals("DELIVERED"));
        assertThat(delivered.get("attempts").asInt()).isEqualTo(3);
        assertThat(delivered.get("responseCode").asInt()).isEqualTo(204);
        assertThat(receiver.received()).hasSize(2).allMatch(Receiver.Received::signatureValid);
        assertThat(receiver.received().stream().map(Receiver.Received::eventId).distinct()).hasSize(1);
        assertThat(api.get("/api/v1/webhooks/" + endpointId).json().get("failingSince").isNull()).isTrue();
    }

    @Test
    void aReplayIsReceivedAgainWithTheSameEventIdAndANewSecretSignsIt() throws Exception {
        String endpointId = endpoint(receiver.url(), "conversion.created");
        sale("ORDER-3", "20.00");
        await("the delivery", () -> receiver.received().size() == 1);
        JsonNode first = awaitDelivery(endpointId, d -> d.get("status").asString().equals("DELIVERED"));

        JsonNode rotated = ok(api.post("/api/v1/webhooks/" + endpointId + "/rotate-secret", Map.of()));
        receiver.secret(rotated.get("secret").asString());
        Api.Response replay = api.post("/api/v1/webhooks/" + endpointId + "/deliveries/" + first.get("id").asString()
                + "/replay", Map.of());
        assertThat(replay.status()).as(replay.toString()).isEqualTo(201);
        assertThat(replay.json().get("replayOf").asString()).isEqualTo(first.get("id").asString());

        await("the replay", () -> receiver.received().size() == 2);
        Receiver.Received again = receiver.received().get(1);
        assertThat(again.eventId()).isEqualTo(first.get("eventId").asString())
                .isEqualTo(receiver.received().getFirst().eventId());
        assertThat(again.body()).isEqualTo(receiver.received().getFirst().body());
        assertThat(again.deliveryId()).isEqualTo(replay.json().get("id").asString());
        assertThat(again.signatureValid()).as("signed with the rotated secret").isTrue();
    }

    @Test
    void anEndpointFailingForThreeDaysIsDisabledAndTheAdminsAreEmailed() throws Exception {
        String admin = "admin-" + UUID.randomUUID() + "@brand.example";
        String viewer = "viewer-" + UUID.randomUUID() + "@brand.example";
        users.create(brand.id(), admin, "correct horse battery staple", Role.ADMIN);
        users.create(brand.id(), viewer, "correct horse battery staple", Role.VIEWER);
        String endpointId = endpoint("http://127.0.0.1:" + NOBODY_PORT + "/gone", "conversion.created");
        sale("ORDER-4", "30.00");
        awaitDelivery(endpointId, d -> d.get("attempts").asInt() >= 1);
        assertThat(api.get("/api/v1/webhooks/" + endpointId).json().get("enabled").asBoolean()).isTrue();

        clock.skip(Duration.ofDays(3).plusMinutes(1));
        JsonNode given = awaitDelivery(endpointId, d -> d.get("status").asString().equals("FAILED"));
        assertThat(given.get("nextAttemptAt").isNull()).isTrue();
        await("the endpoint disabled", () -> !api.get("/api/v1/webhooks/" + endpointId).json().get("enabled")
                .asBoolean());
        JsonNode endpoint = api.get("/api/v1/webhooks/" + endpointId).json();
        assertThat(endpoint.get("disabledReason").asString()).contains("Every delivery failed since");

        await("the admin's email", () -> receivedBy(admin).size() == 1);
        assertThat(receivedBy(admin).getFirst().getSubject()).contains("Webhook endpoint disabled");
        assertThat(receivedBy(viewer)).isEmpty();

        // Disabled, it is sent nothing new; enabled again, it starts over.
        sale("ORDER-5", "30.00");
        assertThat(count("select count(*) from webhook_deliveries where endpoint_id = ?", UUID.fromString(endpointId)))
                .isEqualTo(1);
        JsonNode enabled = ok(api.patch("/api/v1/webhooks/" + endpointId, Map.of("enabled", true)));
        assertThat(enabled.get("disabledReason").isNull()).isTrue();
        assertThat(enabled.get("failingSince").isNull()).isTrue();
    }

    @Test
    void aChangeThatRolledBackSendsNothing() throws Exception {
        String endpointId = endpoint(receiver.url(), "conversion.approved");
        Sale sale = sale("ORDER-6", "40.00");

        transactions.executeWithoutResult(status -> {
            conversions.approve(brand.id(), UUID.fromString(sale.conversionId()));
            assertThat(count("select count(*) from webhook_deliveries where endpoint_id = ?",
                    UUID.fromString(endpointId))).as("queued inside the transaction").isEqualTo(1);
            status.setRollbackOnly();
        });
        assertThat(count("select count(*) from webhook_deliveries where endpoint_id = ?", UUID.fromString(endpointId)))
                .isZero();

        ok(api.post("/api/v1/conversions/" + sale.conversionId() + "/approve", Map.of()));
        await("the committed approval", () -> receiver.received().size() == 1);
        assertThat(json.readTree(receiver.received().getFirst().body()).get("type").asString())
                .isEqualTo("conversion.approved");
    }

    private record Sale(String conversionId, String memberId) {
    }

    /** A sale of a member, credited by member id through a postback integration: a PENDING conversion. */
    private Sale sale(String orderId, String amount) {
        String offerId = createLinkOffer("Offer " + UUID.randomUUID()).get("id").asString();
        String memberId = createMember("Ada", UUID.randomUUID() + "@example.test").get("id").asString();
        assign(offerId, memberId);
        String key = created(api.post("/api/v1/integrations", Map.of("type", "POSTBACK", "name", "Server")))
                .get("key").asString();
        Api.Response postback = api.withKey(null).get("/postback/" + key + "?member_id=" + memberId + "&offer_id="
                + offerId + "&order_id=" + orderId + "-" + UUID.randomUUID() + "&amount=" + amount);
        assertThat(postback.status()).as(postback.toString()).isEqualTo(200);
        return new Sale(postback.json().get("conversionId").asString(), memberId);
    }

    private String endpoint(String url, String... events) {
        JsonNode created = created(api.post("/api/v1/webhooks", Map.of("url", url, "events", List.of(events))));
        receiver.secret(created.get("secret").asString());
        return created.get("id").asString();
    }

    private JsonNode awaitDelivery(String endpointId, Predicate<JsonNode> condition)
            throws InterruptedException {
        JsonNode[] last = new JsonNode[1];
        await("a delivery matching the condition", () -> {
            JsonNode items = api.get("/api/v1/webhooks/" + endpointId + "/deliveries").json().get("items");
            last[0] = items.isEmpty() ? null : items.get(items.size() - 1);
            return last[0] != null && condition.test(last[0]);
        });
        return last[0];
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }
}
