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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The PayPal Payouts REST API (v1): OAuth client-credentials token, create a batch payout,
 * read a batch with its items. Credentials come from properties or the environment and are
 * never logged.
 */
@Component
class PayPalClient {

    private static final int PAGE_SIZE = 1000;

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

    record ItemStatus(String payoutItemId, String senderItemId, String transactionStatus, String error) {
    }

    record Batch(String payoutBatchId, String batchStatus, List<ItemStatus> items) {
    }

    /** PayPal answered with an error body: {@code {name, message, details, links}}. */
    static class PayPalException extends RuntimeException {

        private final int status;
        private final String name;
        private final String originalBatchId;

        PayPalException(int status, String name, String message, String originalBatchId) {
            super("PayPal " + status + " " + name + ": " + message);
            this.status = status;
            this.name = name;
            this.originalBatchId = originalBatchId;
        }

        int status() {
            return status;
        }

        String name() {
            return name;
        }

        /** For a reused sender_batch_id, the batch that already has it (from the HATEOAS link). */
        String originalBatchId() {
            return originalBatchId;
        }
    }

    /** Creates a batch payout; returns PayPal's payout_batch_id. */
    String createBatch(String senderBatchId, String emailSubject, List<Item> items) {
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
        JsonNode answer = send(HttpRequest.newBuilder(URI.create(baseUrl + "/v1/payments/payouts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
        return answer.path("batch_header").path("payout_batch_id").asString();
    }

    Batch getBatch(String payoutBatchId) {
        List<ItemStatus> items = new ArrayList<>();
        String status = null;
        for (int page = 1; ; page++) {
            JsonNode answer = send(HttpRequest.newBuilder(URI.create(baseUrl + "/v1/payments/payouts/"
                            + URLEncoder.encode(payoutBatchId, StandardCharsets.UTF_8) + "?page_size=" + PAGE_SIZE
                            + "&page=" + page))
                    .GET());
            status = answer.path("batch_header").path("batch_status").asString();
            JsonNode pageItems = answer.path("items");
            for (JsonNode item : pageItems) {
                JsonNode errors = item.path("errors");
                String error = errors.isMissingNode() || errors.isNull() ? null
                        : (errors.path("name").asString("") + " " + errors.path("message").asString("")).trim();
                items.add(new ItemStatus(item.path("payout_item_id").asString(null),
                        item.path("payout_item").path("sender_item_id").asString(null),
                        item.path("transaction_status").asString(""), error));
            }
            if (pageItems.size() < PAGE_SIZE) {
                break;
            }
        }
        return new Batch(payoutBatchId, status, items);
    }

    private JsonNode send(HttpRequest.Builder request) {
        HttpResponse<String> response = exchange(request.header("Authorization", "Bearer " + accessToken())
                .header("Accept", "application/json").timeout(Duration.ofSeconds(30)));
        if (response.statusCode() == 401) {
            token.set(null);
        }
        JsonNode body = response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
        if (response.statusCode() >= 300) {
            String original = null;
            for (JsonNode link : body.path("links")) {
                String href = link.path("href").asString("");
                int at = href.indexOf("/v1/payments/payouts/");
                if (at >= 0) {
                    original = href.substring(at + "/v1/payments/payouts/".length()).split("[/?]")[0];
                }
            }
            throw new PayPalException(response.statusCode(), body.path("name").asString("HTTP_ERROR"),
                    body.path("message").asString(""), original);
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
        if (response.statusCode() != 200) {
            JsonNode body = response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
            throw new PayPalException(response.statusCode(), body.path("error").asString("AUTHENTICATION_FAILURE"),
                    body.path("error_description").asString("could not get an access token"), null);
        }
        JsonNode body = json.readTree(response.body());
        // Renew a minute early so a token never expires in flight.
        Token fresh = new Token(body.path("access_token").asString(),
                now.plusSeconds(Math.max(0, body.path("expires_in").asLong(0) - 60)));
        token.set(fresh);
        return fresh.value();
    }

    private HttpResponse<String> exchange(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("PayPal is unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling PayPal", e);
        }
    }

    private record Token(String value, Instant expiresAt) {
    }
}
