package io.linkledger.ledger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * PayPal's answers for WireMock, each built on a published sample in counterparties/paypal/
 * with only our ids, amounts and statuses put in (see SOURCES.md). What PayPal published no
 * sample of (a 5xx body, a 422) follows its {@code error} schema and is named here as such.
 */
final class PayPalStubs {

    /** The batch PayPal's published duplicate error links to. */
    static final String LINKED_BATCH = "CR9VS2K4X4846";
    static final String PAYOUTS = "/v1/payments/payouts";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WireMockServer server;

    PayPalStubs(WireMockServer server) {
        this.server = server;
    }

    /** One member's item as PayPal shows it: our item id is its sender_item_id. */
    record Item(String senderItemId, String receiver, String amount, String status) {

        static Item of(JsonNode ourItem, String status) {
            return new Item(ourItem.get("id").asString(), ourItem.get("receiver").asString(),
                    ourItem.get("amount").asString(), status);
        }
    }

    void token() {
        server.stubFor(post(urlEqualTo("/v1/oauth2/token"))
                .withBasicAuth("test-client", "test-secret")
                .withRequestBody(equalTo("grant_type=client_credentials"))
                .willReturn(json(200, OpenApiContract.read("paypal/oauth2-token-response.CONSTRUCTED.json"))));
    }

    /** 201: the batch was created (header of PayPal's create sample, status PENDING as PayPal answers now). */
    void created(String batchId) {
        JsonNode sample = OpenApiContract.read("paypal/php-sdk-fixture-payouts-testCreate.json").get("response")
                .get("body");
        ObjectNode header = JSON.createObjectNode();
        header.put("payout_batch_id", batchId);
        header.put("batch_status", "PENDING");
        header.put("time_created", "2026-11-21T23:00:00Z");
        ObjectNode sender = (ObjectNode) sample.get("batch_header").get("sender_batch_header").deepCopy();
        // PayPal answers with the sender_batch_id it was sent.
        header.set("sender_batch_header", sender.put("sender_batch_id",
                "{{jsonPath request.body '$.sender_batch_header.sender_batch_id'}}"));
        ObjectNode body = JSON.createObjectNode();
        body.set("batch_header", header);
        body.putArray("links").addObject().put("href", "https://api-m.sandbox.paypal.com/v1/payments/payouts/" + batchId)
                .put("rel", "self").put("method", "GET").put("encType", "application/json");
        server.stubFor(post(urlEqualTo(PAYOUTS)).willReturn(json(201, body).withTransformers("response-template")));
    }

    /** 400 USER_BUSINESS_ERROR for a reused sender_batch_id, as PayPal sent it: with the link to the batch, or without. */
    void duplicate(boolean withLink) {
        ObjectNode body = (ObjectNode) OpenApiContract.read("paypal/error-400-duplicate-sender-batch-id.json");
        if (!withLink) {
            ((ObjectNode) body.get("details").get(0)).remove("link");
        }
        server.stubFor(post(urlEqualTo(PAYOUTS)).willReturn(json(400, body)));
    }

    /** A 5xx whose body follows PayPal's error schema (no published 5xx body was found). */
    void serverError(int status) {
        server.stubFor(post(urlEqualTo(PAYOUTS)).willReturn(json(status, error("INTERNAL_SERVICE_ERROR",
                "An internal service error has occurred."))));
    }

    /** The connection drops before any answer: the request may or may not have reached PayPal. */
    void connectionReset() {
        server.stubFor(post(urlEqualTo(PAYOUTS)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    /** PayPal's published 400 VALIDATION_ERROR: the request created nothing. */
    void validationError() {
        server.stubFor(post(urlEqualTo(PAYOUTS))
                .willReturn(json(400, OpenApiContract.read("paypal/error-400-validation-error.json"))));
    }

    /** A 422 refusal following PayPal's error schema (its spec lists 422 INSUFFICIENT_FUNDS for payouts). */
    void insufficientFunds() {
        server.stubFor(post(urlEqualTo(PAYOUTS)).willReturn(json(422, error("INSUFFICIENT_FUNDS",
                "Sender does not have sufficient funds. Please add funds and retry."))));
    }

    /** GET batch: PayPal's published batch answer with our batch, sender_batch_id and items put in. */
    void batch(String batchId, String senderBatchId, String batchStatus, List<Item> items) {
        ObjectNode body = (ObjectNode) OpenApiContract.read("paypal/get-payout-batch-200-with-unclaimed-item.json");
        ObjectNode header = (ObjectNode) body.get("batch_header");
        header.put("payout_batch_id", batchId);
        header.put("batch_status", batchStatus);
        ((ObjectNode) header.get("sender_batch_header")).put("sender_batch_id", senderBatchId);
        JsonNode sampleItem = body.get("items").get(0);
        ArrayNode answered = body.putArray("items");
        for (int i = 0; i < items.size(); i++) {
            answered.add(item(sampleItem, batchId, "PAYOUTITEM" + i + batchId.substring(0, 3), items.get(i)));
        }
        ((ObjectNode) body.get("links").get(0)).put("href",
                "https://api.sandbox.paypal.com/v1/payments/payouts/" + batchId + "?page_size=1000&page=1");
        server.stubFor(get(urlPathEqualTo(PAYOUTS + "/" + batchId)).willReturn(json(200, body)));
    }

    /** The published sample item with ours put in; errors only where PayPal has them (unclaimed, failed). */
    static ObjectNode item(JsonNode sample, String batchId, String payoutItemId, Item item) {
        ObjectNode answer = (ObjectNode) sample.deepCopy();
        answer.put("payout_item_id", payoutItemId);
        answer.put("payout_batch_id", batchId);
        answer.put("transaction_status", item.status());
        ObjectNode payoutItem = (ObjectNode) answer.get("payout_item");
        payoutItem.put("receiver", item.receiver());
        payoutItem.put("sender_item_id", item.senderItemId());
        ((ObjectNode) payoutItem.get("amount")).put("value", item.amount());
        ((ObjectNode) answer.get("payout_item_fee")).put("value", "0.00");
        if (item.status().equals("FAILED")) {
            answer.putObject("errors").put("name", "RECEIVER_UNREGISTERED").put("message", "Receiver is unregistered")
                    .put("information_link", "https://developer.paypal.com/docs/api/payments.payouts-batch/#errors");
        } else if (!item.status().equals("UNCLAIMED") && !item.status().equals("RETURNED")) {
            answer.remove("errors");
        }
        return answer;
    }

    /**
     * A PAYMENT.PAYOUTS-ITEM.* event: PayPal's published SUCCEEDED event with the event type,
     * status and our item put in (PayPal published no other item event; they differ in these).
     */
    static String itemEvent(String eventId, String eventType, String batchId, Item item) {
        ObjectNode event = (ObjectNode) OpenApiContract.read("paypal/webhook-PAYMENT.PAYOUTS-ITEM.SUCCEEDED.json");
        event.put("id", eventId);
        event.put("event_type", eventType);
        event.put("summary", "A payout item is " + item.status().toLowerCase());
        JsonNode sample = event.get("resource");
        ObjectNode resource = item(sample, batchId, "ITEM" + eventId.substring(eventId.length() - 8), item);
        event.set("resource", resource);
        return JSON.writeValueAsString(event);
    }

    /** A PAYMENT.PAYOUTSBATCH.* event: PayPal's published SUCCESS event with our batch put in. */
    static String batchEvent(String eventId, String batchId, String senderBatchId) {
        ObjectNode event = (ObjectNode) OpenApiContract.read("paypal/webhook-PAYMENT.PAYOUTSBATCH.SUCCESS.json");
        event.put("id", eventId);
        ObjectNode header = (ObjectNode) event.get("resource").get("batch_header");
        header.put("payout_batch_id", batchId);
        ((ObjectNode) header.get("sender_batch_header")).put("sender_batch_id", senderBatchId);
        return JSON.writeValueAsString(event);
    }

    private static ObjectNode error(String name, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.put("name", name).put("message", message).put("debug_id", "7b0b1f3c2d4e5")
                .put("information_link", "https://developer.paypal.com/docs/api/payments.payouts-batch/#errors");
        return body;
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, JsonNode body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(JSON.writeValueAsString(body));
    }
}
