package io.linkledger.ledger;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.linkledger.brands.Brands;
import io.linkledger.shared.Ids;
import io.linkledger.shared.ProblemException;
import io.linkledger.shared.Tokens;
import io.linkledger.shared.Validation;

/**
 * The brand's linked card (one active at a time; linking a new one replaces the old). A card is
 * saved with an off-session SetupIntent, so a bank that asks for strong customer authentication
 * asks while the cardholder is there (in the browser, with Stripe.js), not when the card is
 * charged later without them.
 */
@Service
public class PaymentMethods {

    private static final Logger log = LoggerFactory.getLogger(PaymentMethods.class);

    private final PaymentMethodRepository repository;
    private final CardProcessor processor;
    private final Brands brands;
    private final TransactionTemplate transactions;
    private final Ids ids;
    private final Clock clock;

    PaymentMethods(PaymentMethodRepository repository, CardProcessor processor, Brands brands,
            TransactionTemplate transactions, Ids ids, Clock clock) {
        this.repository = repository;
        this.processor = processor;
        this.brands = brands;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    record LinkRequest(String paymentMethodId) {
    }

    /** A card form to fill in the browser: the SetupIntent's client secret for Stripe.js. */
    public record CardSetup(String setupIntentId, String clientSecret, String publishableKey) {
    }

    /**
     * Where saving a card stands: LINKED (with the card), or REQUIRES_ACTION: the cardholder
     * must authenticate in the browser ({@code clientSecret} for Stripe.js), then complete it.
     */
    public record Linking(String status, PaymentMethod card, String setupIntentId, String clientSecret) {

        public boolean linked() {
            return card != null;
        }

        @Schema(name = "CardLinking")
        record View(String status, PaymentMethod.View card, String setupIntentId, String clientSecret) {
        }

        View view() {
            return new View(status, card == null ? null : card.view(), setupIntentId, clientSecret);
        }
    }

    public boolean configured() {
        return processor.configured();
    }

    /** For the browser's card form; null when not set. */
    public String publishableKey() {
        return processor.publishableKey();
    }

    /** A card collected by the caller ({@code pm_...}), saved with a SetupIntent confirmed here. */
    public Linking link(UUID brandId, LinkRequest request) {
        Validation v = new Validation();
        String ref = request.paymentMethodId() == null ? null : request.paymentMethodId().trim();
        v.check(!Validation.isBlank(ref), "paymentMethodId", "is required (a card collected with Stripe, pm_...)");
        v.check(ref == null || ref.length() <= 100, "paymentMethodId", "must be at most 100 characters");
        v.throwIfInvalid();
        requireConfigured();
        String customer = customer(brandId);
        CardProcessor.Setup setup = call(() -> {
            try {
                return processor.setUp(customer, brandId, ref, "ll-" + Tokens.sha256(brandId + ":setup:" + ref));
            } catch (CardProcessor.Refused e) {
                // Stripe does not know this card (or not for this account): the caller's input is at fault.
                throw e.configuration() ? e : ProblemException.invalid("paymentMethodId", e.getMessage());
            }
        });
        return finish(brandId, setup);
    }

    /** Starts saving a card in the browser: Stripe.js collects it and authenticates the cardholder. */
    public CardSetup start(UUID brandId) {
        requireConfigured();
        String customer = customer(brandId);
        CardProcessor.Setup setup = call(() -> processor.setUp(customer, brandId, null,
                "ll-" + Tokens.sha256(brandId + ":setup:" + ids.next())));
        return new CardSetup(setup.id(), setup.clientSecret(), processor.publishableKey());
    }

    /** After the browser confirmed the SetupIntent: the card is linked if it succeeded. */
    public Linking complete(UUID brandId, String setupIntentId) {
        Validation v = new Validation();
        v.check(!Validation.isBlank(setupIntentId) && setupIntentId.length() <= 100, "setupIntentId",
                "is required (seti_...)");
        v.throwIfInvalid();
        requireConfigured();
        CardProcessor.Setup setup = call(() -> processor.setup(setupIntentId.trim()));
        if (setup.customerRef() == null || !setup.customerRef().equals(customerOf(brandId).orElse(null))) {
            throw ProblemException.notFound("SetupIntent", setupIntentId);
        }
        return finish(brandId, setup);
    }

    /** A {@code setup_intent.succeeded} webhook: the card is linked for the brand whose customer it is. */
    String onSetupSucceeded(CardProcessor.Setup setup) {
        Optional<UUID> brandId = setup.customerRef() == null ? Optional.empty()
                : repository.brandOfCustomer(setup.customerRef());
        if (brandId.isEmpty() || (setup.brandId() != null && !setup.brandId().equals(brandId.get().toString()))) {
            return "not ours";
        }
        return "card " + save(brandId.get(), setup).id() + " linked";
    }

    private Linking finish(UUID brandId, CardProcessor.Setup setup) {
        return switch (setup.status()) {
            case "succeeded" -> new Linking("LINKED", save(brandId, setup), setup.id(), null);
            case "requires_action", "requires_confirmation", "processing" ->
                    new Linking("REQUIRES_ACTION", null, setup.id(), setup.clientSecret());
            case "requires_payment_method" -> throw new ProblemException(HttpStatus.PAYMENT_REQUIRED,
                    "The card could not be saved: " + (setup.error() == null ? "it was declined" : setup.error()));
            default -> throw ProblemException.conflict("The card set-up is " + setup.status().replace('_', ' ')
                    + "; start again");
        };
    }

    /** Links the SetupIntent's card once, however often its success is reported. */
    private PaymentMethod save(UUID brandId, CardProcessor.Setup setup) {
        Optional<PaymentMethod> done = repository.findBySetup(brandId, setup.id());
        if (done.isPresent()) {
            return done.get();
        }
        CardProcessor.SavedCard card = call(() -> processor.card(setup.paymentMethodRef()));
        PaymentMethod method = new PaymentMethod(ids.next(), brandId, processor.name(), setup.customerRef(),
                card.paymentMethodRef(), card.brand(), card.last4(), card.expMonth(), card.expYear(), "ACTIVE",
                clock.instant());
        try {
            transactions.executeWithoutResult(tx -> {
                repository.deactivateAll(brandId);
                repository.insert(method, setup.id());
            });
            return method;
        } catch (DuplicateKeyException e) {
            return repository.findBySetup(brandId, setup.id()).orElseThrow();
        }
    }

    /** The brand's customer at the processor, created once (the idempotency key makes a concurrent create one). */
    private String customer(UUID brandId) {
        Optional<String> known = customerOf(brandId);
        if (known.isPresent()) {
            return known.get();
        }
        String brandName = brands.find(brandId).map(b -> b.name()).orElse(brandId.toString());
        String created = call(() -> processor.createCustomer(brandId, brandName,
                "ll-customer-" + Tokens.sha256(brandId.toString())));
        transactions.executeWithoutResult(tx ->
                repository.insertCustomer(brandId, processor.name(), created, clock.instant()));
        return repository.customer(brandId).orElseThrow();
    }

    /** The brand's customer, or the one its card was linked under before customers were kept. */
    Optional<String> customerOf(UUID brandId) {
        return repository.customer(brandId).or(() -> repository.active(brandId).map(PaymentMethod::customerRef));
    }

    public List<PaymentMethod> list(UUID brandId) {
        return repository.list(brandId);
    }

    public Optional<PaymentMethod> active(UUID brandId) {
        return repository.active(brandId);
    }

    PaymentMethod find(UUID brandId, UUID id) {
        return repository.find(brandId, id).orElseThrow(() -> ProblemException.notFound("Payment method", id));
    }

    public void remove(UUID brandId, UUID id) {
        PaymentMethod method = find(brandId, id);
        if ("ACTIVE".equals(method.status())) {
            transactions.executeWithoutResult(tx -> repository.deactivate(id));
            try {
                processor.detach(method.paymentMethodRef());
            } catch (CardProcessor.Refused | CardProcessor.Unavailable e) {
                // Ours is removed either way; a card left attached at the processor is never charged by us.
                log.info("Card {} not detached at the processor: {}", id, e.getMessage());
            }
        }
    }

    CardProcessor processor() {
        return processor;
    }

    private void requireConfigured() {
        if (!processor.configured()) {
            throw ProblemException.conflict("Card payments are not configured on this server");
        }
    }

    private static <T> T call(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (CardProcessor.Refused e) {
            throw CardCharges.refusal(e);
        } catch (CardProcessor.Unavailable e) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE,
                    "The card processor could not be reached (" + e.getMessage() + "); try again");
        }
    }
}
