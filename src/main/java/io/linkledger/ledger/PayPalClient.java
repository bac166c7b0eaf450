package io.linkledger.ledger;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The PayPal Payouts REST API (v1): OAuth client-credentials token, create a batch payout,
 * read a batch with its items. What an answer means for our money is decided here, once:
 * a created batch, a duplicate {@code sender_batch_id} (with the existing batch's link, or
 * without one), a refusal that created nothing, a request PayPal never processed, or an
 * uncertain outcome (a lost answer, a 5xx). Credentials are never logged.
 */
@Component
class PayPalClient {

    private static final int PAGE_SIZE = 1000;
    private static final String BATCH_PATH = "/v1/payments/payouts/";

    private final String baseUrl;
    private final String clientId;
    private final String clientSecret;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final AtomicReference<Token> token = new AtomicReference<>();

    PayPalClient(@Value("${linkledger.money.paypal.base-url:https://api-m.paypal.com}") String baseUrl,
            @Value("${linkledger.money.paypal.client-id:}") String clientId,
            @Value("${linkledger.money.paypal.client-secret:}") String clientSecret, Clock clock) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.clock = clock;
    }

    boolean configured() {
        return !clientId.isBlank() && !clientSecret.isBlank();
    }

    record Item(String senderItemId, String receiver, String value, String currency, String note) {
    }

    /** PayPal's view of one item of a batch: {@code payout_item.sender_item_id} is our item id. */
    record ItemStatus(String payoutItemId, String payoutBatchId, String senderItemId, String transactionStatus,
            String error) {
    }

    record Batch(String payoutBatchId, String senderBatchId, String batchStatus, List<ItemStatus> items) {
    }

    /** What a create-batch request came to. */
    sealed interface Submitted {
    }

    /** PayPal created the batch. */
    record Created(String batchId) implements Submitted {
    }

    /**
     * The {@code sender_batch_id} was used already: the batch exists. {@code batchId} comes from
     * the error's HATEOAS link, and is null when PayPal gave none.
     */
    record Duplicate(String batchId) implements Submitted {
    }

    /** PayPal refused the request (validation, funds, permission): this request created nothing. */
    record Refused(String reason) implements Submitted {
    }

    /** The request was not processed (no token, rate limited): nothing was created, try again later. */
    record NotProcessed(String reason) implements Submitted {
    }

    /** No answer or a server error: the batch may or may not exist. */
    record Uncertain(String reason) implements Submitted {
    }

    /** An answer PayPal gave that is not the one asked for, or no answer at all. */
    static class PayPalException extends RuntimeException {

        private final boolean answered;

        PayPalException(String message, boolean answered) {
            super(message);
            this.answered = answered;
        }

        /** False when no answer came (timeout, connection): the request may have been processed. */
        boolean answered() {
            return answered;
        }
    }

    Submitted createBatch(String senderBatchId, String emailSubject, List<Item> items) {
        List<Map<String, Object>> bodyItems = new ArrayList<>();
        for (Item item : items) {
            bodyItems.add(Map.of("recipient_type", "EMAIL", "receiver", item.receiver(), "sender_item_id",
                    item.senderItemId(), "note", item.note(),
                    "amount", Map.of("value", item.value(), "currency", item.currency())));
        }
        Map<String, Object> body = Map.of(
                "sender_batch_header", Map.of("sender_batch_id", senderBatchId, "email_subject", emailSubject,
                        "recipient_type", "EMAIL"),
                "items", bodyItems);
        String bearer;
        try {
            bearer = accessToken();
        } catch (PayPalException e) {
            return new NotProcessed(e.getMessage());
        }
        HttpResponse<String> response;
        try {
            response = exchange(HttpRequest.newBuilder(URI.create(baseUrl + "/v1/payments/payouts"))
                    .header("Authorization", "Bearer " + bearer)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
        } catch (PayPalException e) {
            return new Uncertain(e.getMessage());
        }
        int status = response.statusCode();
        JsonNode answer = parse(response.body());
        if (status == 201 || status == 200) {
            String batchId = answer.path("batch_header").path("payout_batch_id").asString("");
            return batchId.isBlank() ? new Uncertain("PayPal answered " + status + " without a payout_batch_id")
                    : new Created(batchId);
        }
        if (status == 401) {
            token.set(null);
        }
        String reason = "PayPal " + status + " " + answer.path("name").asString("") + ": "
                + answer.path("message").asString("");
        if (status >= 500 || status == 408 || answer.isMissingNode()) {
            return new Uncertain(reason.trim());
        }
        if (duplicateBatch(answer)) {
            return new Duplicate(batchIdFromLinks(answer));
        }
        if (status == 401 || status == 429) {
            return new NotProcessed(reason);
        }
        return new Refused(reason + details(answer));
    }

    /**
     * PayPal's answer to a reused sender_batch_id: 400 {@code USER_BUSINESS_ERROR} with a
     * {@code SENDER_BATCH_ID} detail ("Batch with given sender_batch_id already exists", or the
     * older "Duplicate batch request"). Matched on name and field, never on the wording.
     */
    private static boolean duplicateBatch(JsonNode answer) {
        if (!"USER_BUSINESS_ERROR".equals(answer.path("name").asString(""))) {
            return false;
        }
        for (JsonNode detail : answer.path("details")) {
            if ("SENDER_BATCH_ID".equalsIgnoreCase(detail.path("field").asString(""))) {
                return true;
            }
        }
        return false;
    }

    /** The existing batch's id from {@code details[].link[].href} (or the top-level {@code links}). */
    private static String batchIdFromLinks(JsonNode answer) {
        List<JsonNode> links = new ArrayList<>();
        for (JsonNode detail : answer.path("details")) {
            detail.path("link").forEach(links::add);
            detail.path("links").forEach(links::add);
        }
        answer.path("links").forEach(links::add);
        for (JsonNode link : links) {
            String href = link.path("href").asString("");
            int at = href.indexOf(BATCH_PATH);
            if (at >= 0) {
                String id = href.substring(at + BATCH_PATH.length()).split("[/?#]")[0];
                if (!id.isBlank()) {
                    return id;
                }
            }
        }
        return null;
    }

    private static String details(JsonNode answer) {
        StringBuilder out = new StringBuilder();
        for (JsonNode detail : answer.path("details")) {
            out.append(out.isEmpty() ? " (" : "; ").append(detail.path("field").asString(""))
                    .append(' ').append(detail.path("issue").asString(""));
        }
        return out.isEmpty() ? "" : out.append(')').toString();
    }

    /** The batch with all its items (every page); throws {@link PayPalException} on any other answer. */
    Batch getBatch(String payoutBatchId) {
        List<ItemStatus> items = new ArrayList<>();
        JsonNode header = null;
        for (int page = 1; ; page++) {
            JsonNode answer = get(BATCH_PATH + URLEncoder.encode(payoutBatchId, StandardCharsets.UTF_8)
                    + "?page_size=" + PAGE_SIZE + "&page=" + page);
            header = answer.path("batch_header");
            JsonNode pageItems = answer.path("items");
            for (JsonNode item : pageItems) {
                items.add(item(item));
            }
            if (pageItems.size() < PAGE_SIZE) {
                break;
            }
        }
        return new Batch(header.path("payout_batch_id").asString(payoutBatchId),
                header.path("sender_batch_header").path("sender_batch_id").asString(null),
                header.path("batch_status").asString(""), items);
    }

    /** One item as PayPal shows it in a batch, a payout-item answer or a webhook's resource. */
    static ItemStatus item(JsonNode item) {
        JsonNode errors = item.path("errors");
        String error = errors.isMissingNode() || errors.isNull() ? null
                : (errors.path("name").asString("") + " " + errors.path("message").asString("")).trim();
        return new ItemStatus(item.path("payout_item_id").asString(null), item.path("payout_batch_id").asString(null),
                item.path("payout_item").path("sender_item_id").asString(null),
                item.path("transaction_status").asString(""), error == null || error.isBlank() ? null : error);
    }

    private JsonNode get(String path) {
        HttpResponse<String> response = exchange(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + accessToken())
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30))
                .GET());
        if (response.statusCode() == 401) {
            token.set(null);
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() != 200) {
            throw new PayPalException("PayPal " + response.statusCode() + " " + body.path("name").asString("")
                    + ": " + body.path("message").asString(""), true);
        }
        return body;
    }

    private String accessToken() {
        Token current = token.get();
        Instant now = clock.instant();
        if (current != null && current.expiresAt().isAfter(now)) {
            return current.value();
        }
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + clientSecret)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = exchange(HttpRequest.newBuilder(URI.create(baseUrl + "/v1/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
        JsonNode body = parse(response.body());
        if (response.statusCode() != 200 || body.path("access_token").asString("").isBlank()) {
            throw new PayPalException("PayPal refused an access token (" + response.statusCode() + " "
                    + body.path("error").asString("") + ")", true);
        }
        // Renew a minute early so a token never expires in flight.
        Token fresh = new Token(body.path("access_token").asString(),
                now.plusSeconds(Math.max(0, body.path("expires_in").asLong(0) - 60)));
        token.set(fresh);
        return fresh.value();
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return json.missingNode();
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            return json.missingNode();
        }
    }

    private HttpResponse<String> exchange(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new PayPalException("PayPal did not answer: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PayPalException("Interrupted while calling PayPal", false);
        }
    }

    private record Token(String value, Instant expiresAt) {
    }
}
