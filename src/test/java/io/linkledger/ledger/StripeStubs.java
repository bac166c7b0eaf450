package io.linkledger.ledger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stripe's answers for WireMock, each built on Stripe's own fixtures (fixtures3) and published
 * error bodies in counterparties/stripe/, with only our ids, amounts and statuses put in.
 */
final class StripeStubs {

    static final String PAYMENT_INTENTS = "/v1/payment_intents";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Stripe's ids are unique; each test's objects get ids of their own (the fixtures' ids, a test suffix on top). */
    final String customerId;
    final String cardId;
    final String setupId;
    final String intentId;

    private final WireMockServer server;

    StripeStubs(WireMockServer server) {
        this.server = server;
        String suffix = java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        this.customerId = "cus_QXg1o8vcGmoR32" + suffix;
        this.cardId = "pm_1Pgc75B7WZ01zgkWlHVgdEGJ" + suffix;
        this.setupId = "seti_1Pgag7B7WZ01zgkWSgwGdb8Z" + suffix;
        this.intentId = "pi_1PgafyB7WZ01zgkWSjxsAJo3" + suffix;
    }

    private static ObjectNode fixture(String name) {
        return (ObjectNode) OpenApiContract.read("stripe/fixtures3.extract.json").get("resources").get(name).deepCopy();
    }

    void customer() {
        ObjectNode customer = fixture("customer");
        customer.put("id", customerId);
        customer.put("name", "Test brand");
        server.stubFor(post(urlEqualTo("/v1/customers")).willReturn(json(200, customer)));
    }

    /** A SetupIntent for the brand's customer; with a card when one was confirmed. */
    ObjectNode setupIntent(String status, String card) {
        ObjectNode intent = fixture("setup_intent");
        intent.put("id", setupId);
        intent.put("client_secret", setupId + "_secret_QXg2AQLdBxJwtY51IkwvUaBVsnCqPSp");
        intent.put("customer", customerId);
        intent.put("status", status);
        intent.put("payment_method", card);
        if (!status.equals("requires_action")) {
            intent.putNull("next_action");
        }
        intent.putNull("last_setup_error");
        return intent;
    }

    void createSetupIntent(String status, String card) {
        server.stubFor(post(urlEqualTo("/v1/setup_intents")).willReturn(json(200, setupIntent(status, card))));
    }

    void retrieveSetupIntent(String status, String card) {
        server.stubFor(get(urlPathEqualTo("/v1/setup_intents/" + setupId))
                .willReturn(json(200, setupIntent(status, card))));
    }

    void card() {
        ObjectNode method = fixture("payment_method");
        method.put("id", cardId);
        method.put("customer", customerId);
        server.stubFor(get(urlPathEqualTo("/v1/payment_methods/" + cardId)).willReturn(json(200, method)));
    }

    /** The linked card as Stripe saves it: customer, a SetupIntent confirmed with the card, the card. */
    void linking() {
        customer();
        createSetupIntent("succeeded", cardId);
        card();
    }

    /** A PaymentIntent of the brand's customer and card in this state. */
    ObjectNode paymentIntent(String status, long amount, Map<String, String> metadata) {
        return paymentIntent(intentId, status, amount, metadata);
    }

    ObjectNode paymentIntent(String id, String status, long amount, Map<String, String> metadata) {
        ObjectNode intent = fixture("payment_intent");
        intent.put("id", id);
        intent.put("status", status);
        intent.put("amount", amount);
        intent.put("amount_received", status.equals("succeeded") ? amount : 0);
        intent.put("customer", customerId);
        intent.put("payment_method", cardId);
        intent.put("client_secret", id + "_secret_Dm43xiq1k0ywrRRjDoi8y1gkM");
        intent.putNull("next_action");
        intent.putNull("canceled_at");
        intent.putNull("processing");
        if (status.equals("requires_payment_method")) {
            intent.set("last_payment_error", OpenApiContract.read("stripe/error-402-card_error.CONSTRUCTED.json")
                    .get("error"));
        } else {
            intent.putNull("last_payment_error");
        }
        ObjectNode meta = intent.putObject("metadata");
        metadata.forEach(meta::put);
        return intent;
    }

    void createPaymentIntent(String status, long amount) {
        server.stubFor(post(urlEqualTo(PAYMENT_INTENTS))
                .willReturn(json(200, paymentIntent(status, amount, Map.of()))));
    }

    void retrievePaymentIntent(String status, long amount, Map<String, String> metadata) {
        server.stubFor(get(urlPathEqualTo(PAYMENT_INTENTS + "/" + intentId))
                .willReturn(json(200, paymentIntent(status, amount, metadata))));
    }

    /** GET /v1/payment_intents: a list object holding these intents. */
    void listPaymentIntents(List<ObjectNode> intents) {
        ObjectNode list = JSON.createObjectNode();
        list.put("object", "list").put("url", PAYMENT_INTENTS).put("has_more", false);
        list.putArray("data").addAll(intents);
        server.stubFor(get(urlPathEqualTo(PAYMENT_INTENTS)).willReturn(json(200, list)));
    }

    /** An error Stripe answers, from its published bodies: card_error 402, api_error 500, 401, idempotency_error. */
    void failPaymentIntent(int status, String file) {
        server.stubFor(post(urlEqualTo(PAYMENT_INTENTS))
                .willReturn(json(status, OpenApiContract.read("stripe/" + file))));
    }

    void failSetupIntent(int status, String file) {
        server.stubFor(post(urlEqualTo("/v1/setup_intents"))
                .willReturn(json(status, OpenApiContract.read("stripe/" + file))));
    }

    /** The form parameters of each PaymentIntent create request made, in order. */
    List<Map<String, String>> paymentIntentRequests() {
        return server.findAll(postRequestedFor(urlEqualTo(PAYMENT_INTENTS))).stream().map(StripeStubs::form).toList();
    }

    List<LoggedRequest> requests(String path) {
        return server.findAll(postRequestedFor(urlEqualTo(path)));
    }

    static Map<String, String> form(LoggedRequest request) {
        Map<String, String> form = new HashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        form.put("Idempotency-Key", request.getHeader("Idempotency-Key"));
        return form;
    }

    /** A webhook event: Stripe's published event envelope (a constructed sample's) around this object. */
    static String event(String eventId, String type, JsonNode object) {
        ObjectNode event = (ObjectNode) OpenApiContract.read("stripe/webhook-payment_intent.succeeded.CONSTRUCTED.json");
        event.put("id", eventId);
        event.put("type", type);
        ((ObjectNode) event.get("data")).set("object", object);
        return JSON.writeValueAsString(event);
    }

    /** {@code Stripe-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "t.payload">}, Stripe's scheme. */
    static String signature(String payload, String secret, long unixSeconds) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signed = unixSeconds + "." + payload;
            return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ResponseDefinitionBuilder json(int status, JsonNode body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("Request-Id", "req_test").withBody(JSON.writeValueAsString(body));
    }
}
