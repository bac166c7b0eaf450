package io.linkledger.conversions;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.linkledger.conversions.Attribution.Attributed;
import io.linkledger.conversions.CommissionEngine.Commission;
import io.linkledger.conversions.Conversion.AttributedBy;
import io.linkledger.shared.Ids;
import io.linkledger.shared.Money;
import io.linkledger.shared.Page;
import io.linkledger.shared.ProblemException;
import io.linkledger.assignments.Assignment;

/**
 * The conversion lifecycle: creation from an attributed claim, approval, reversal, amount
 * adjustments and payment. Every change is kept as history and published as
 * {@link ConversionMoneyChanged} in the same transaction.
 */
@Service
public class Conversions {

    private final ConversionRepository repository;
    private final ConversionRollupWriter rollup;
    private final Attribution attribution;
    private final CommissionEngine engine;
    private final OfferCache offers;
    private final ApplicationEventPublisher events;
    private final Ids ids;
    private final Clock clock;
    private final TransactionTemplate transactions;

    Conversions(ConversionRepository repository, ConversionRollupWriter rollup, Attribution attribution, CommissionEngine engine, OfferCache offers,
            ApplicationEventPublisher events, Ids ids, Clock clock, TransactionTemplate transactions) {
        this.transactions = transactions;
        this.repository = repository;
        this.rollup = rollup;
        this.attribution = attribution;
        this.engine = engine;
        this.offers = offers;
        this.events = events;
        this.ids = ids;
        this.clock = clock;
    }

    /** A stored conversion and whether it existed already (an idempotent repeat). */
    record Recorded(Conversion conversion, boolean duplicate) {
    }

    /** Bulk change answer: what changed, and why the others did not. */
    public record BulkOutcome(List<UUID> changed, List<Skipped> skipped) {
    }

    public record Skipped(UUID id, String reason) {
    }

    @Transactional
    Recorded record(Integration integration, Claim claim) {
        var existing = repository.findByKey(integration.brandId(), key(integration, claim));
        if (existing.isPresent()) {
            return new Recorded(existing.get(), true);
        }
        Conversion conversion = draft(integration, claim, attribution.attribute(integration, claim));
        if (creditsOrder(conversion)) {
            conversion = creditOnce(conversion, integration.creditPriority(), conversion.createdAt());
        }
        return create(conversion);
    }

    /** The idempotency key: one conversion per integration and external id. */
    static String key(Integration integration, Claim claim) {
        return integration.id() + ":" + claim.externalId();
    }

    /**
     * The conversion an attributed claim makes, not yet stored and before one order is credited
     * once. Volume tiers read the member's earlier sales in the month from the database.
     */
    Conversion draft(Integration integration, Claim claim, Attributed attributed) {
        var offer = attributed.offer();
        if (claim.currency() != null && !claim.currency().equalsIgnoreCase(offer.currency().getCurrencyCode())) {
            throw ProblemException.invalid("currency", "'" + claim.currency() + "' does not match the offer's currency "
                    + offer.currency().getCurrencyCode() + "; amounts are not converted");
        }
        Money sale = money("amount", claim.amount(), offer.currency());
        Money network = claim.networkCommission() == null ? null
                : money("commission", claim.networkCommission(), offer.currency());
        UUID id = ids.next();
        Commission commission = engine.compute(offer, attributed.assignment(), attributed.terms(), sale,
                () -> monthSalesBefore(offer.id(), attributed.assignment().memberId(), claim.convertedAt(), id));
        Instant now = clock.instant();
        ConversionStatus status = claim.test() ? ConversionStatus.REVERSED
                : claim.status() == null ? ConversionStatus.PENDING : claim.status();
        String reason = claim.test() ? "Test purchase: never paid" : null;
        return new Conversion(id, integration.brandId(), offer.id(), attributed.assignment().memberId(),
                attributed.assignment().id(), attributed.assignment().projectId(), integration.id(),
                key(integration, claim), claim.kind(), attributed.by(), attributed.transactionId(),
                attributed.promoCode(), claim.orderId(), status, sale, commission.amount(), network, commission.type(),
                claim.test(), claim.convertedAt(), now, now, reason, null);
    }

    /** Whether the conversion takes part in crediting its order once: a live, real one with an order id. */
    static boolean creditsOrder(Conversion c) {
        return !c.test() && c.status() != ConversionStatus.REVERSED && Conversion.orderKey(c.orderId()) != null;
    }

    /** Stores a new conversion once per idempotency key, with its history and money event. */
    @Transactional
    Recorded create(Conversion conversion) {
        if (!repository.insertIfNew(conversion)) {
            // A concurrent twin committed first; answer with it, as for any repeat.
            return new Recorded(repository.findByKey(conversion.brandId(), conversion.idempotencyKey()).orElseThrow(),
                    true);
        }
        repository.recordChange(ids.next(), conversion, "CREATED", null, conversion.statusReason(), conversion.createdAt());
        rollup.apply(null, conversion);
        publish(null, conversion, null, conversion.createdAt());
        return new Recorded(conversion, false);
    }

    /**
     * Stores new conversions together: rows, history, one {@link ConversionMoneyChanged} for all and
     * the rollup. The caller has made sure that no other conversion holds their keys or credits their
     * orders; a concurrent twin committed meanwhile fails the whole transaction instead of being skipped.
     * Call it last in the transaction, for the rollup's row locks.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void createAll(List<Conversion> fresh) {
        if (fresh.isEmpty()) {
            return;
        }
        repository.insertAll(fresh);
        repository.recordCreations(fresh.stream().map(c -> ids.next()).toList(), fresh);
        events.publishEvent(new ConversionMoneyChanged(
                fresh.stream().map(c -> moneyEvent(null, c, null, c.createdAt())).toList()));
        // Last: the daily rows are shared by every conversion of a link and day, locked until the commit.
        rollup.applyAll(fresh);
    }

    /**
     * One order pays once. If another live conversion credits the same order, the one
     * attributed the preferred way (link or code) keeps the credit; a pending loser is
     * reversed, an approved or paid one keeps it regardless.
     */
    private Conversion creditOnce(Conversion fresh, Integration.CreditPriority priority, Instant now) {
        for (Conversion seen : repository.liveForOrder(fresh.brandId(), Conversion.orderKey(fresh.orderId()))) {
            // Read again under its row lock: a concurrent request may have changed it meanwhile.
            Conversion other = repository.lock(seen.id()).orElseThrow();
            if (other.status() == ConversionStatus.REVERSED) {
                continue;
            }
            boolean freshPreferred = preferred(fresh.attributedBy(), priority) && !preferred(other.attributedBy(), priority);
            if (freshPreferred && other.status() == ConversionStatus.PENDING) {
                change(other, ConversionStatus.REVERSED, other.sale(), other.commission(), other.networkCommission(),
                        "CREDITED_ELSEWHERE", "Order " + other.orderId() + " is credited to conversion " + fresh.id()
                                + " (by " + fresh.attributedBy() + ")", null, now);
            } else {
                return fresh.with(ConversionStatus.REVERSED, fresh.sale(), fresh.commission(), fresh.networkCommission(),
                        "Order " + fresh.orderId() + " is already credited to conversion " + other.id() + " (by "
                                + other.attributedBy() + ")", null, now);
            }
        }
        return fresh;
    }

    private static boolean preferred(AttributedBy by, Integration.CreditPriority priority) {
        return priority == Integration.CreditPriority.CODE ? by == AttributedBy.CODE : by == AttributedBy.LINK;
    }

    private Money monthSalesBefore(UUID offerId, UUID memberId, Instant at, UUID except) {
        YearMonth month = YearMonth.from(at.atZone(ZoneOffset.UTC));
        Instant from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Currency currency = offers.find(offerId).orElseThrow().offer().currency();
        return new Money(repository.salesMinor(offerId, memberId, from, at.plusNanos(1), except), currency);
    }

    private static Money money(String field, BigDecimal value, Currency currency) {
        if (value == null) {
            return Money.zero(currency);
        }
        try {
            return Money.of(value, currency);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw ProblemException.invalid(field, e.getMessage());
        }
    }

    public Conversion get(UUID brandId, UUID id) {
        return repository.find(id).filter(c -> c.brandId().equals(brandId))
                .orElseThrow(() -> ProblemException.notFound("Conversion", id));
    }

    List<ConversionRepository.Change> history(UUID brandId, UUID id) {
        get(brandId, id);
        return repository.changes(id);
    }

    public Page<Conversion> list(UUID brandId, UUID offerId, UUID memberId, ConversionStatus status, int limit,
            int offset) {
        return new Page<>(repository.list(brandId, offerId, memberId, status, limit, offset),
                repository.count(brandId, offerId, memberId, status), limit, offset);
    }

    @Transactional
    public Conversion approve(UUID brandId, UUID id) {
        Conversion c = locked(brandId, id);
        if (c.status() != ConversionStatus.PENDING) {
            throw ProblemException.conflict("Conversion " + id + " is " + c.status() + "; only PENDING can be approved");
        }
        return change(c, ConversionStatus.APPROVED, c.sale(), c.commission(), c.networkCommission(), "APPROVED",
                null, null, clock.instant());
    }

    @Transactional
    public Conversion reverse(UUID brandId, UUID id, String reason) {
        Conversion c = locked(brandId, id);
        if (c.status() == ConversionStatus.PAID) {
            throw ProblemException.conflict("Conversion " + id + " is in a paid payment (" + c.paymentId()
                    + ") and cannot be reversed; book a correction on the member's balance instead");
        }
        if (c.status() == ConversionStatus.REVERSED) {
            throw ProblemException.conflict("Conversion " + id + " is already reversed");
        }
        return change(c, ConversionStatus.REVERSED, c.sale(), c.commission(), c.networkCommission(), "REVERSED",
                reason == null || reason.isBlank() ? "Reversed by the brand" : reason.trim(), null, clock.instant());
    }

    /** Approves or reverses many; each one is its own decision, so one refusal stops none of the others. */
    public BulkOutcome bulk(UUID brandId, List<UUID> conversionIds, boolean approve, String reason) {
        List<UUID> changed = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (UUID id : conversionIds) {
            try {
                transactions.executeWithoutResult(status -> {
                    if (approve) {
                        approve(brandId, id);
                    } else {
                        reverse(brandId, id, reason);
                    }
                });
                changed.add(id);
            } catch (ProblemException e) {
                skipped.add(new Skipped(id, e.getMessage()));
            }
        }
        return new BulkOutcome(changed, skipped);
    }

    /**
     * Changes the sale amount (a partial refund, or an edit the network reported) and
     * recomputes the member's commission on the new amount. A paid conversion is refused.
     */
    @Transactional
    Conversion adjust(Conversion current, Money newSale, Money newNetwork, String action, String reason) {
        Conversion c = repository.lock(current.id()).orElseThrow();
        if (c.status() == ConversionStatus.PAID) {
            throw ProblemException.conflict("Conversion " + c.id() + " is in a paid payment and cannot be adjusted");
        }
        OfferCache.Snapshot snapshot = offers.find(c.offerId()).orElseThrow();
        var assignment = attributionAssignment(c);
        Money commission = c.commission();
        if (c.kind() != Conversion.Kind.CPC) {
            // Priced as the difference of the commission on the old and the new amount, at
            // the member's rate and place in the month's tiers now; never below zero.
            Commission before = engine.compute(snapshot.offer(), assignment, snapshot.terms(), c.sale(),
                    () -> monthSalesBefore(c.offerId(), c.memberId(), c.convertedAt(), c.id()));
            Commission after = engine.compute(snapshot.offer(), assignment, snapshot.terms(), newSale,
                    () -> monthSalesBefore(c.offerId(), c.memberId(), c.convertedAt(), c.id()));
            commission = c.commission().plus(after.amount().minus(before.amount()));
            if (commission.isNegative()) {
                commission = Money.zero(commission.currency());
            }
        }
        return change(c, c.status(), newSale, commission, newNetwork, action, reason, c.paymentId(), clock.instant());
    }

    private Assignment attributionAssignment(Conversion c) {
        return attribution.assignmentOf(c.brandId(), c.offerId(), c.memberId());
    }

    @Transactional
    Conversion reverseFrom(Conversion current, String action, String reason) {
        Conversion c = repository.lock(current.id()).orElseThrow();
        if (c.status() == ConversionStatus.PAID) {
            throw ProblemException.conflict("Conversion " + c.id() + " is in a paid payment and cannot be reversed");
        }
        if (c.status() == ConversionStatus.REVERSED) {
            return c;
        }
        return change(c, ConversionStatus.REVERSED, c.sale(), c.commission(), c.networkCommission(), action, reason,
                null, clock.instant());
    }

    @Transactional
    Conversion approveFrom(Conversion current, String action, String reason) {
        Conversion c = repository.lock(current.id()).orElseThrow();
        if (c.status() != ConversionStatus.PENDING) {
            return c;
        }
        return change(c, ConversionStatus.APPROVED, c.sale(), c.commission(), c.networkCommission(), action, reason,
                null, clock.instant());
    }

    /**
     * Marks the member's approved conversions paid, oldest first, as far as {@code amount} covers
     * them; called by the ledger inside the transaction that recorded the completed payout.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void markPaid(UUID brandId, UUID memberId, UUID paymentId, Money amount) {
        long left = amount.minor();
        Instant now = clock.instant();
        for (Conversion c : repository.approvedOldestFirst(brandId, memberId)) {
            if (!c.commission().currency().equals(amount.currency()) || c.commission().minor() > left) {
                break;
            }
            left -= c.commission().minor();
            change(c, ConversionStatus.PAID, c.sale(), c.commission(), c.networkCommission(), "PAID",
                    "Paid in payment " + paymentId, paymentId, now);
        }
    }

    private Conversion locked(UUID brandId, UUID id) {
        return repository.lock(id).filter(c -> c.brandId().equals(brandId))
                .orElseThrow(() -> ProblemException.notFound("Conversion", id));
    }

    private Conversion change(Conversion c, ConversionStatus to, Money sale, Money commission, Money network,
            String action, String reason, UUID paymentId, Instant now) {
        Conversion changed = c.with(to, sale, commission, network, reason == null ? c.statusReason() : reason,
                paymentId, now);
        repository.update(changed);
        repository.recordChange(ids.next(), changed, action, c.status(), reason, now);
        rollup.apply(c, changed);
        publish(c, changed, c.status(), now);
        return changed;
    }

    private void publish(Conversion before, Conversion after, ConversionStatus from, Instant now) {
        if (before != null && before.status() == after.status()
                && Objects.equals(before.owedCommission(), after.owedCommission())
                && Objects.equals(before.owedNetworkCommission(), after.owedNetworkCommission())) {
            return;
        }
        events.publishEvent(ConversionMoneyChanged.of(moneyEvent(before, after, from, now)));
    }

    private MoneyChange moneyEvent(Conversion before, Conversion after, ConversionStatus from, Instant now) {
        return new MoneyChange(ids.next(), after.brandId(), after.id(), after.offerId(), after.memberId(),
                from, after.status(), before == null ? null : before.owedCommission(), after.owedCommission(),
                before == null ? null : before.owedNetworkCommission(), after.owedNetworkCommission(), now);
    }
}
