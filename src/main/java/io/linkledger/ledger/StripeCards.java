package io.linkledger.ledger;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.linkledger.shared.Money;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stripe adapter: a Customer holds the brand's saved PaymentMethod, and top-ups are
 * PaymentIntents confirmed off-session with Stripe's Idempotency-Key. Form-encoded requests,
 * JSON answers, errors as {@code {error: {type, code, decline_code, message}}}.
 */
@Component
class StripeCards implements CardProcessor {

    private final String baseUrl;
    private final String secretKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    StripeCards(@Value("${linkledger.money.stripe.base-url:https://api.stripe.com}") String baseUrl,
            @Value("${linkledger.money.stripe.secret-key:}") String secretKey) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.secretKey = secretKey;
    }

    @Override
    public String name() {
        return "STRIPE";
    }

    @Override
    public boolean configured() {
        return !secretKey.isBlank();
    }

    @Override
    public LinkedCard link(String brandName, String paymentMethodRef) {
        JsonNode customer = post("/v1/customers", Map.of("name", brandName, "description", "Linkledger brand"), null);
        String customerId = customer.path("id").asString();
        JsonNode method = post("/v1/payment_methods/" + encode(paymentMethodRef) + "/attach",
                Map.of("customer", customerId), null);
        JsonNode card = method.path("card");
        return new LinkedCard(customerId, method.path("id").asString(paymentMethodRef),
                card.path("brand").asString(null), card.path("last4").asString(null),
                card.has("exp_month") ? card.path("exp_month").asInt() : null,
                card.has("exp_year") ? card.path("exp_year").asInt() : null);
    }

    @Override
    public String charge(PaymentMethod card, Money amount, String idempotencyKey, String description) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("amount", Long.toString(amount.minor()));
        form.put("currency", amount.currency().getCurrencyCode().toLowerCase(Locale.ROOT));
        form.put("customer", card.customerRef());
        form.put("payment_method", card.paymentMethodRef());
        form.put("off_session", "true");
        form.put("confirm", "true");
        form.put("description", description);
        form.put("metadata[brand_id]", card.brandId().toString());
        JsonNode intent = post("/v1/payment_intents", form, idempotencyKey);
        String status = intent.path("status").asString("");
        if (!status.equals("succeeded")) {
            throw new CardDeclined(status, "The card payment is " + status.replace('_', ' ')
                    + "; the card needs the cardholder's attention before it can be charged off-session");
        }
        return intent.path("id").asString();
    }

    @Override
    public void unlink(PaymentMethod card) {
        post("/v1/payment_methods/" + encode(card.paymentMethodRef()) + "/detach", Map.of(), null);
    }

    private JsonNode post(String path, Map<String, String> form, String idempotencyKey) {
        if (!configured()) {
            throw new CardDeclined("not_configured", "Card payments are not configured on this server");
        }
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + secretKey)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Stripe is unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling Stripe", e);
        }
        JsonNode answer = response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
        if (response.statusCode() >= 300) {
            JsonNode error = answer.path("error");
            String code = error.path("decline_code").asString(error.path("code").asString(error.path("type")
                    .asString("api_error")));
            String message = error.path("message").asString("Stripe answered HTTP " + response.statusCode());
            throw new CardDeclined(code, message);
        }
        return answer;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
