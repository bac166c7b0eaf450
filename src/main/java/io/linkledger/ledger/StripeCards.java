package io.linkledger.ledger;

import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.SetupIntent;
import com.stripe.model.StripeError;
import com.stripe.model.StripeObject;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentListParams;
import com.stripe.param.SetupIntentCreateParams;

import io.linkledger.shared.Money;

/**
 * Stripe through its official Java library (its API shapes, typed errors, idempotency keys and
 * webhook signature check): one Customer per brand, cards saved with an off-session SetupIntent,
 * top-ups as PaymentIntents confirmed off-session. Every PaymentIntent carries our charge id and
 * attempt in its metadata, so a charge whose answer was lost can be found again.
 */
@Component
class StripeCards implements CardProcessor {

    static final String CHARGE = "linkledger_charge";
    static final String ATTEMPT = "linkledger_attempt";
    static final String BRAND = "linkledger_brand";

    private final String secretKey;
    private final String publishableKey;
    private final String webhookSecret;
    private final StripeClient stripe;
    private final Clock clock;

    StripeCards(@Value("${linkledger.money.stripe.base-url:https://api.stripe.com}") String baseUrl,
            @Value("${linkledger.money.stripe.secret-key:}") String secretKey,
            @Value("${linkledger.money.stripe.publishable-key:}") String publishableKey,
            @Value("${linkledger.money.stripe.webhook-secret:}") String webhookSecret,
            @Value("${linkledger.money.stripe.network-retries:2}") int networkRetries, Clock clock) {
        this.secretKey = secretKey;
        this.publishableKey = publishableKey;
        this.webhookSecret = webhookSecret;
        this.clock = clock;
        this.stripe = secretKey.isBlank() ? null : StripeClient.builder()
                .setApiKey(secretKey)
                .setApiBase(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl)
                .setMaxNetworkRetries(networkRetries)
                .setConnectTimeout(10_000)
                .setReadTimeout(30_000)
                .build();
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
    public String publishableKey() {
        return publishableKey.isBlank() ? null : publishableKey;
    }

    @Override
    public String createCustomer(UUID brandId, String brandName, String idempotencyKey) {
        return call(() -> client().v1().customers().create(CustomerCreateParams.builder()
                .setName(brandName)
                .setDescription("Linkledger brand")
                .putMetadata(BRAND, brandId.toString())
                .build(), key(idempotencyKey)).getId());
    }

    @Override
    public Setup setUp(String customerRef, UUID brandId, String paymentMethodRef, String idempotencyKey) {
        SetupIntentCreateParams.Builder params = SetupIntentCreateParams.builder()
                .setCustomer(customerRef)
                .setUsage(SetupIntentCreateParams.Usage.OFF_SESSION)
                .addPaymentMethodType("card")
                .putMetadata(BRAND, brandId.toString());
        if (paymentMethodRef != null) {
            params.setPaymentMethod(paymentMethodRef).setConfirm(true);
        }
        try {
            return setup(call(() -> client().v1().setupIntents().create(params.build(), key(idempotencyKey))));
        } catch (Declined e) {
            SetupIntent failed = e.error.getSetupIntent();
            return new Setup(failed == null ? null : failed.getId(), "requires_payment_method", null, customerRef,
                    paymentMethodRef, brandId.toString(), e.getMessage());
        }
    }

    @Override
    public Setup setup(String setupRef) {
        return setup(call(() -> client().v1().setupIntents().retrieve(setupRef)));
    }

    private static Setup setup(SetupIntent intent) {
        StripeError error = intent.getLastSetupError();
        return new Setup(intent.getId(), intent.getStatus(), intent.getClientSecret(), intent.getCustomer(),
                intent.getPaymentMethod(), intent.getMetadata() == null ? null : intent.getMetadata().get(BRAND),
                error == null ? null : describe(error));
    }

    @Override
    public SavedCard card(String paymentMethodRef) {
        var method = call(() -> client().v1().paymentMethods().retrieve(paymentMethodRef));
        var card = method.getCard();
        return new SavedCard(method.getId(), card == null ? null : card.getBrand(), card == null ? null : card.getLast4(),
                card == null || card.getExpMonth() == null ? null : card.getExpMonth().intValue(),
                card == null || card.getExpYear() == null ? null : card.getExpYear().intValue());
    }

    @Override
    public Charge charge(ChargeRequest request) {
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
                .setAmount(request.amount().minor())
                .setCurrency(request.amount().currency().getCurrencyCode().toLowerCase(Locale.ROOT))
                .setCustomer(request.customerRef())
                .setPaymentMethod(request.paymentMethodRef())
                .setOffSession(true)
                .setConfirm(true)
                .setDescription(request.description())
                .putMetadata(BRAND, request.brandId().toString())
                .putMetadata(CHARGE, request.chargeId().toString())
                .putMetadata(ATTEMPT, Integer.toString(request.attempt()))
                .build();
        try {
            return charge(call(() -> client().v1().paymentIntents().create(params, key(request.idempotencyKey()))));
        } catch (Declined e) {
            PaymentIntent intent = e.error.getPaymentIntent();
            return new Charge(intent == null ? null : intent.getId(), ChargeStatus.DECLINED, e.getMessage(), null,
                    request.chargeId(), request.attempt());
        }
    }

    @Override
    public Charge charge(String intentRef) {
        return charge(call(() -> client().v1().paymentIntents().retrieve(intentRef)));
    }

    @Override
    public Optional<Charge> find(String customerRef, UUID chargeId, int attempt, Instant since) {
        var intents = call(() -> client().v1().paymentIntents().list(PaymentIntentListParams.builder()
                .setCustomer(customerRef)
                .setCreated(PaymentIntentListParams.Created.builder().setGte(since.getEpochSecond()).build())
                .setLimit(100L)
                .build()));
        return intents.getData().stream()
                .filter(pi -> pi.getMetadata() != null && chargeId.toString().equals(pi.getMetadata().get(CHARGE))
                        && Integer.toString(attempt).equals(pi.getMetadata().get(ATTEMPT)))
                .findFirst()
                .map(StripeCards::charge);
    }

    /** What a PaymentIntent's status means for our money: only {@code succeeded} moved it. */
    static Charge charge(PaymentIntent intent) {
        Map<String, String> metadata = intent.getMetadata() == null ? Map.of() : intent.getMetadata();
        UUID chargeId = metadata.containsKey(CHARGE) ? UUID.fromString(metadata.get(CHARGE)) : null;
        Integer attempt = metadata.containsKey(ATTEMPT) ? Integer.valueOf(metadata.get(ATTEMPT)) : null;
        StripeError error = intent.getLastPaymentError();
        return switch (intent.getStatus()) {
            case "succeeded" -> new Charge(intent.getId(), ChargeStatus.SUCCEEDED, null, new Money(
                    intent.getAmountReceived() != null ? intent.getAmountReceived() : intent.getAmount(),
                    Currency.getInstance(intent.getCurrency().toUpperCase(Locale.ROOT))), chargeId, attempt);
            case "processing", "requires_capture", "requires_confirmation" ->
                    new Charge(intent.getId(), ChargeStatus.PROCESSING, null, null, chargeId, attempt);
            case "requires_action" -> new Charge(intent.getId(), ChargeStatus.DECLINED, "the card's bank asks for "
                    + "authentication, which a charge without the cardholder cannot give; link the card again",
                    null, chargeId, attempt);
            default -> new Charge(intent.getId(), ChargeStatus.DECLINED,
                    error != null ? describe(error) : "the card payment is " + intent.getStatus().replace('_', ' '),
                    null, chargeId, attempt);
        };
    }

    @Override
    public void detach(String paymentMethodRef) {
        call(() -> client().v1().paymentMethods().detach(paymentMethodRef));
    }

    @Override
    public Event verify(String payload, String signatureHeader) {
        if (webhookSecret.isBlank()) {
            throw new Refused("Stripe webhooks are not configured on this server "
                    + "(linkledger.money.stripe.webhook-secret)", true, null);
        }
        com.stripe.model.Event event;
        try {
            event = Webhook.constructEvent(payload, signatureHeader == null ? "" : signatureHeader, webhookSecret,
                    Webhook.DEFAULT_TOLERANCE, clock);
        } catch (SignatureVerificationException e) {
            throw new BadSignature("Stripe-Signature does not verify: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new BadSignature("The event could not be read: " + e.getMessage());
        }
        return event(event);
    }

    @Override
    public Event parse(String payload) {
        return event(Webhook.constructEventWithoutVerification(payload));
    }

    /** The event with the charge or set-up it reports, read as this library's model whatever its API version. */
    private static Event event(com.stripe.model.Event event) {
        StripeObject object;
        try {
            object = event.getDataObjectDeserializer().deserializeUnsafe();
        } catch (EventDataObjectDeserializationException e) {
            object = null;
        }
        return new Event(event.getId(), event.getType(),
                object instanceof PaymentIntent intent ? charge(intent) : null,
                object instanceof SetupIntent intent ? setup(intent) : null);
    }

    private StripeClient client() {
        if (stripe == null) {
            throw new Refused("Card payments are not configured on this server", true, null);
        }
        return stripe;
    }

    private static RequestOptions key(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }

    private static String describe(StripeError error) {
        String code = error.getDeclineCode() != null ? error.getDeclineCode() : error.getCode();
        return (error.getMessage() == null ? "declined" : error.getMessage()) + (code == null ? "" : " (" + code + ")");
    }

    private interface StripeCall<T> {
        T call() throws StripeException;
    }

    /** A card error carries Stripe's error object; the caller decides what a decline means. */
    private static final class Declined extends RuntimeException {

        private final transient StripeError error;

        Declined(StripeError error) {
            super(describe(error));
            this.error = error;
        }
    }

    /** Stripe's typed errors sorted by what they say about the request's outcome. */
    private static <T> T call(StripeCall<T> call) {
        try {
            return call.call();
        } catch (CardException e) {
            throw new Declined(e.getStripeError() != null ? e.getStripeError() : new StripeError());
        } catch (AuthenticationException e) {
            // 401 and 403 (PermissionException is one of these).
            throw new Refused("Stripe refused this server's secret key (" + e.getStatusCode() + "): card payments "
                    + "are misconfigured; ask the Linkledger administrator to check linkledger.money.stripe.secret-key",
                    true, e);
        } catch (IdempotencyException e) {
            throw new Refused("Stripe refused the request as a different reuse of an earlier one: " + message(e),
                    false, e);
        } catch (InvalidRequestException e) {
            throw new Refused("Stripe refused the request: " + message(e), false, e);
        } catch (ApiConnectionException e) {
            throw new Unavailable("Stripe did not answer: " + message(e), e);
        } catch (StripeException e) {
            // 5xx api_error, 409 (the same key in flight), 429: the outcome is not known.
            throw new Unavailable("Stripe answered " + e.getStatusCode() + ": " + message(e), e);
        }
    }

    private static String message(StripeException e) {
        StripeError error = e.getStripeError();
        return error != null && error.getMessage() != null ? error.getMessage() : String.valueOf(e.getMessage());
    }
}
