package io.linkledger.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import io.linkledger.ledger.CardCharge.Purpose;
import io.linkledger.ledger.CardCharge.Status;
import io.linkledger.ledger.CardProcessor.Charge;
import io.linkledger.shared.Ids;
import io.linkledger.shared.Money;
import io.linkledger.shared.ProblemException;
import io.linkledger.shared.Tokens;

/**
 * Charges of the brand's linked card, booked only once the processor says they succeeded: at
 * once, or later from its webhook or a poll. One charge per request (the client's
 * Idempotency-Key); the processor's idempotency key is derived from the charge and its attempt,
 * so a retry after an uncertain outcome finds the same PaymentIntent, and a retry after a
 * confirmed decline is a new attempt with a new key (the processor would replay the decline for
 * 24 hours otherwise). A charge whose outcome was lost is looked up by its metadata.
 */
@Service
class CardCharges {

    private static final Logger log = LoggerFactory.getLogger(CardCharges.class);

    private final CardChargeRepository repository;
    private final PaymentMethods methods;
    private final Journal journal;
    private final TransactionTemplate transactions;
    private final Ids ids;
    private final Clock clock;
    private final Duration settleGrace;

    CardCharges(CardChargeRepository repository, PaymentMethods methods, Journal journal,
            TransactionTemplate transactions, Ids ids, Clock clock,
            @Value("${linkledger.money.stripe.unknown-after:PT2M}") Duration settleGrace) {
        this.repository = repository;
        this.methods = methods;
        this.journal = journal;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
        this.settleGrace = settleGrace;
    }

    /**
     * The charge for this request after asking the processor as much as needed: SUCCEEDED
     * (booked), PROCESSING, DECLINED, REFUSED or UNKNOWN. A top-up's key used for another amount
     * is a 422; a shortfall's is re-charged with the new amount once its last attempt is over.
     */
    CardCharge charge(UUID brandId, Purpose purpose, String requestKey, Money amount, String description) {
        Optional<CardCharge> existing = repository.find(brandId, purpose, requestKey);
        if (existing.isEmpty()) {
            PaymentMethod card = activeCard(brandId);
            Instant now = clock.instant();
            CardCharge fresh = new CardCharge(ids.next(), brandId, purpose, requestKey, amount, card.id(), 1, null,
                    Status.UNKNOWN, null, now, now);
            if (repository.insert(fresh)) {
                return attempt(fresh, card, description);
            }
            existing = repository.find(brandId, purpose, requestKey);
        }
        CardCharge charge = existing.orElseThrow();
        if (charge.amount().minor() != amount.minor() || !charge.amount().currency().equals(amount.currency())) {
            if (purpose == Purpose.TOP_UP) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY,
                        "Idempotency-Key " + requestKey + " was already used for a top-up of " + charge.amount());
            }
            charge = reconcile(charge);
            return charge.status().attemptOver() ? retry(charge, amount, description) : charge;
        }
        charge = reconcile(charge);
        if (charge.status() == Status.UNKNOWN) {
            // No answer yet and none found: the same attempt again, with the same key.
            return attempt(charge, methods.find(brandId, charge.paymentMethodId()), description);
        }
        return charge.status().attemptOver() ? retry(charge, amount, description) : charge;
    }

    /** Asks the processor what became of a charge that is not settled; settled ones come back as they are. */
    CardCharge reconcile(CardCharge charge) {
        try {
            if (charge.status() == Status.PROCESSING && charge.intentRef() != null) {
                apply(charge, methods.processor().charge(charge.intentRef()));
            } else if (charge.status() == Status.UNKNOWN) {
                String customer = methods.customerOf(charge.brandId()).orElse(null);
                Optional<Charge> found = customer == null ? Optional.empty() : methods.processor().find(customer,
                        charge.id(), charge.attempt(), charge.attemptedAt().minus(Duration.ofMinutes(5)));
                if (found.isPresent()) {
                    apply(charge, found.get());
                } else if (clock.instant().isAfter(charge.attemptedAt().plus(settleGrace))) {
                    // No request of this attempt can still be running, and the processor has no charge for it.
                    transactions.executeWithoutResult(tx -> repository.record(charge.id(), charge.attempt(),
                            Status.REFUSED, null, "the card charge was never created", clock.instant()));
                }
            }
        } catch (CardProcessor.Unavailable | CardProcessor.Refused e) {
            // Asked again at the next poll; a charge made now meets the same answer and says so.
            log.info("Card charge {} not reconciled yet: {}", charge.id(), e.getMessage());
        }
        return repository.find(charge.id()).orElseThrow();
    }

    private CardCharge retry(CardCharge over, Money amount, String description) {
        PaymentMethod card = activeCard(over.brandId());
        if (!repository.startAttempt(over.id(), over.attempt(), amount, card.id(), clock.instant())) {
            return repository.find(over.id()).orElseThrow();
        }
        return attempt(repository.find(over.id()).orElseThrow(), card, description);
    }

    private CardCharge attempt(CardCharge charge, PaymentMethod card, String description) {
        String customer = methods.customerOf(charge.brandId()).orElse(card.customerRef());
        CardProcessor.ChargeRequest request = new CardProcessor.ChargeRequest(customer, card.paymentMethodRef(),
                charge.amount(), charge.brandId(), charge.id(), charge.attempt(), description,
                "ll-" + Tokens.sha256(charge.brandId() + ":card-charge:" + charge.id() + ":" + charge.attempt()));
        try {
            apply(charge, methods.processor().charge(request));
        } catch (CardProcessor.Unavailable e) {
            transactions.executeWithoutResult(tx -> repository.record(charge.id(), charge.attempt(), Status.UNKNOWN,
                    null, e.getMessage(), clock.instant()));
        } catch (CardProcessor.Refused e) {
            transactions.executeWithoutResult(tx -> repository.record(charge.id(), charge.attempt(), Status.REFUSED,
                    null, e.getMessage(), clock.instant()));
            throw refusal(e);
        }
        return repository.find(charge.id()).orElseThrow();
    }

    /**
     * What the processor says about one of our charges, from an answer, a poll or a webhook.
     * Money that was collected is booked once per attempt, even for an attempt we had given up
     * on: money the brand paid is never left out of its balance.
     */
    void apply(CardCharge charge, Charge said) {
        int attempt = said.attempt() != null ? said.attempt() : charge.attempt();
        transactions.executeWithoutResult(tx -> {
            Status status = switch (said.status()) {
                case SUCCEEDED -> Status.SUCCEEDED;
                case PROCESSING -> Status.PROCESSING;
                case DECLINED -> Status.DECLINED;
            };
            if (status == Status.SUCCEEDED) {
                book(charge, attempt, said);
            }
            repository.record(charge.id(), attempt, status, said.intentRef(), said.reason(), clock.instant());
        });
    }

    private void book(CardCharge charge, int attempt, Charge said) {
        Money received = said.received() != null ? said.received() : charge.amount();
        String key = "card-charge:" + charge.id() + ":" + attempt;
        if (journal.alreadyPosted(charge.brandId(), key, received.minor(), "card charge")) {
            return;
        }
        String what = charge.purpose() == Purpose.TOP_UP ? "Balance top-up" : "Top-up for a payment to members";
        journal.post(charge.brandId(), received.currency(), EntryType.CARD_TOP_UP, said.intentRef(),
                what + " by card", key, List.of(Line.debit(AccountKind.BRAND_CASH, received.minor()),
                        Line.credit(AccountKind.CARD_FUNDING, received.minor())));
    }

    /** A charge the processor reported in a webhook; "not ours" when no charge of ours matches. */
    String onEvent(Charge said) {
        Optional<CardCharge> charge = said.chargeId() != null ? repository.find(said.chargeId())
                : said.intentRef() == null ? Optional.empty() : repository.findByIntent(said.intentRef());
        if (charge.isEmpty()) {
            return "not ours";
        }
        apply(charge.get(), said);
        return "charge " + charge.get().id() + " " + said.status();
    }

    /** The scheduler's entry, one node at a time; a direct call of {@link #follow()} is not locked and always runs. */
    @Scheduled(fixedDelayString = "${linkledger.money.stripe.poll-interval:PT5M}",
            initialDelayString = "${linkledger.money.stripe.poll-interval:PT5M}")
    @SchedulerLock(name = "card-charges",
            lockAtMostFor = "${linkledger.jobs.card-charges.lock-at-most-for:${linkledger.jobs.lock-at-most-for:PT10M}}")
    void followOnSchedule() {
        follow();
    }

    /** Charges whose outcome is still open are asked about again; nothing is booked without a success. */
    void follow() {
        if (!methods.processor().configured()) {
            return;
        }
        for (CardCharge open : repository.open(clock.instant().minus(Duration.ofSeconds(30)), 100)) {
            reconcile(open);
        }
    }

    private PaymentMethod activeCard(UUID brandId) {
        return methods.active(brandId).orElseThrow(() -> ProblemException.conflict(
                "No card is linked; link one on the Payments page or with POST /api/v1/payment-methods first"));
    }

    /** A request the processor refused: the brand is told what to do, never shown a 500. */
    static ProblemException refusal(CardProcessor.Refused e) {
        return ProblemException.conflict(e.configuration() ? e.getMessage()
                : "The card could not be charged: " + e.getMessage() + ". Link a card again if it was removed.");
    }
}
