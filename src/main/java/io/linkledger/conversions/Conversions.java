package io.linkledger.conversions;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.linkledger.audit.AuditTrail;
import io.linkledger.conversions.BatchView.Change;
import io.linkledger.conversions.CommissionEngine.Commission;
import io.linkledger.conversions.Conversion.Amounts;
import io.linkledger.conversions.Decision.Recorded;
import io.linkledger.shared.Ids;
import io.linkledger.shared.Money;
import io.linkledger.shared.Page;
import io.linkledger.shared.ProblemException;

/**
 * The conversion lifecycle: storing new conversions, approval, release of held ones, reversal,
 * amount adjustments and payment. Every change is kept as history and published as {@link ConversionMoneyChanged} in
 * the same transaction. What a claim makes is decided by {@link ClaimDecider}.
 */
@Service
public class Conversions {

    /** A reason given for a change: what {@code conversions.status_reason} holds. */
    private static final int MAX_REASON = 500;

    private final ConversionRepository repository;
    private final HoldRepository holdRepository;
    private final ConversionRollupWriter rollup;
    private final Attribution attribution;
    private final CommissionEngine engine;
    private final OfferCache offers;
    private final ApplicationEventPublisher events;
    private final Ids ids;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;

    Conversions(ConversionRepository repository, HoldRepository holdRepository, ConversionRollupWriter rollup,
            Attribution attribution, CommissionEngine engine, OfferCache offers, ApplicationEventPublisher events,
            Ids ids, Clock clock, TransactionTemplate transactions, AuditTrail audit) {
        this.audit = audit;
        this.repository = repository;
        this.holdRepository = holdRepository;
        this.rollup = rollup;
        this.attribution = attribution;
        this.engine = engine;
        this.offers = offers;
        this.events = events;
        this.ids = ids;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** Bulk change answer: what changed, and why the others did not. */
    public record BulkOutcome(List<UUID> changed, List<Skipped> skipped) {
    }

    public record Skipped(UUID id, String reason) {
    }

    /** Stores a new conversion once per idempotency key: a key taken already answers with its holder. */
    @Transactional
    Recorded create(Conversion conversion) {
        if (!repository.insertIfNew(conversion)) {
            return new Recorded(repository.findByKey(conversion.brandId(), conversion.source().idempotencyKey())
                    .orElseThrow(), true);
        }
        created(List.of(conversion));
        return new Recorded(conversion, false);
    }

    /**
     * Stores what a batch of claims made: the new conversions (rows, why those held are held, history, one
     * {@link ConversionMoneyChanged} for all, rollups), then the changes, in order, to conversions
     * stored before or just now. A key taken meanwhile fails the whole transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void store(List<Conversion> fresh, List<Change> changes, Map<UUID, List<Hold>> holds) {
        if (!fresh.isEmpty()) {
            repository.insertAll(fresh);
            holdRepository.insertAll(holds);
            created(fresh);
        }
        changes.forEach(c -> change(c.before(), c.after(), c.action(), c.reason()));
    }

    private void created(List<Conversion> fresh) {
        repository.recordCreations(fresh.stream().map(c -> ids.next()).toList(), fresh);
        events.publishEvent(new ConversionMoneyChanged(
                fresh.stream().map(c -> moneyEvent(null, c, c.state().createdAt())).toList()));
        // Last: the daily rows are shared by every conversion of a link and day, locked until the commit.
        rollup.applyAll(fresh);
    }

    public Conversion get(UUID brandId, UUID id) {
        return repository.find(id).filter(c -> c.brandId().equals(brandId))
                .orElseThrow(() -> ProblemException.notFound("Conversion", id));
    }

    List<ConversionRepository.Change> history(UUID brandId, UUID id) {
        get(brandId, id);
        return repository.changes(id);
    }

    /** Which quality rules fired on each of these conversions, and why; those without any are left out. */
    public Map<UUID, List<Hold>> holds(Collection<UUID> conversionIds) {
        return holdRepository.of(conversionIds);
    }

    public Page<Conversion> list(UUID brandId, UUID offerId, UUID memberId, ConversionStatus status, int limit,
            int offset) {
        return new Page<>(repository.list(brandId, offerId, memberId, status, limit, offset),
                repository.count(brandId, offerId, memberId, status), limit, offset);
    }

    @Transactional
    public Conversion approve(UUID brandId, UUID id) {
        Conversion c = locked(brandId, id);
        if (c.state().status() != ConversionStatus.PENDING) {
            throw ProblemException.conflict("Conversion " + id + " is " + c.state().status()
                    + "; only PENDING can be approved" + (c.state().status() == ConversionStatus.HELD
                            ? " (release a held one, to PENDING or APPROVED)" : ""));
        }
        return move(c, ConversionStatus.APPROVED, "APPROVED", null, null);
    }

    /**
     * Releases a held conversion after review, to PENDING (then approved as usual) or straight to
     * APPROVED; from then on its money is booked like any other's. Reversing a held one is
     * {@link #reverse}.
     */
    @Transactional
    public Conversion release(UUID brandId, UUID id, ConversionStatus to) {
        ConversionStatus target = to == null ? ConversionStatus.PENDING : to;
        if (target != ConversionStatus.PENDING && target != ConversionStatus.APPROVED) {
            throw ProblemException.invalid("status", "a held conversion is released to PENDING or APPROVED");
        }
        Conversion c = locked(brandId, id);
        if (c.state().status() != ConversionStatus.HELD) {
            throw ProblemException.conflict("Conversion " + id + " is " + c.state().status()
                    + "; only HELD can be released");
        }
        return move(c, target, "RELEASED", "Released after review", null);
    }

    @Transactional
    public Conversion reverse(UUID brandId, UUID id, String reason) {
        Conversion c = locked(brandId, id);
        if (c.state().status() == ConversionStatus.PAID) {
            throw paidAlready(c, "reversed");
        }
        if (c.state().status() == ConversionStatus.REVERSED) {
            throw ProblemException.conflict("Conversion " + id + " is already reversed");
        }
        if (reason != null && reason.strip().length() > MAX_REASON) {
            throw ProblemException.invalid("reason", "is longer than " + MAX_REASON + " characters");
        }
        return move(c, ConversionStatus.REVERSED, "REVERSED",
                reason == null || reason.isBlank() ? "Reversed by the brand" : reason.trim(), null);
    }

    /** Approves or reverses many; each one is its own decision, so one refusal stops none of the others. */
    public BulkOutcome bulk(UUID brandId, List<UUID> conversionIds, boolean approve, String reason) {
        return each(conversionIds, id -> {
            if (approve) {
                approve(brandId, id);
            } else {
                reverse(brandId, id, reason);
            }
        });
    }

    /** Releases many held conversions to {@code to}; each one is its own decision, as in {@link #bulk}. */
    public BulkOutcome releaseAll(UUID brandId, List<UUID> conversionIds, ConversionStatus to) {
        return each(conversionIds, id -> release(brandId, id, to));
    }

    private BulkOutcome each(List<UUID> conversionIds, Consumer<UUID> change) {
        List<UUID> changed = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (UUID id : conversionIds) {
            try {
                transactions.executeWithoutResult(status -> change.accept(id));
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
        if (c.state().status() == ConversionStatus.PAID) {
            throw paidAlready(c, "adjusted");
        }
        Amounts was = c.amounts();
        Money commission = was.commission();
        if (c.source().kind() != Conversion.Kind.CPC) {
            // Priced as the difference of the commission on the old and the new amount, at
            // the member's rate and place in the month's tiers now; never below zero.
            OfferCache.Snapshot snapshot = offers.find(c.credit().offerId()).orElseThrow();
            var assignment = attribution.assignmentOf(c.brandId(), c.credit().offerId(), c.credit().memberId());
            MonthToDate point = new MonthToDate(c.credit().offerId(), c.credit().memberId(), c.source().convertedAt(),
                    c.id());
            Supplier<Money> monthSales = () -> new Money(repository.sales(List.of(point)).get(point),
                    was.sale().currency());
            Commission before = engine.compute(snapshot.offer(), assignment, snapshot.terms(), was.sale(), monthSales);
            Commission after = engine.compute(snapshot.offer(), assignment, snapshot.terms(), newSale, monthSales);
            commission = was.commission().plus(after.amount().minus(before.amount()));
            if (commission.isNegative()) {
                commission = Money.zero(commission.currency());
            }
        }
        Conversion changed = c.repriced(new Amounts(newSale, commission, newNetwork, was.payoutType()), reason,
                clock.instant());
        return change(c, changed, action, reason);
    }

    @Transactional
    Conversion reverseFrom(Conversion current, String action, String reason) {
        Conversion c = repository.lock(current.id()).orElseThrow();
        if (c.state().status() == ConversionStatus.PAID) {
            throw paidAlready(c, "reversed");
        }
        if (c.state().status() == ConversionStatus.REVERSED) {
            return c;
        }
        return move(c, ConversionStatus.REVERSED, action, reason, null);
    }

    @Transactional
    Conversion approveFrom(Conversion current, String action, String reason) {
        Conversion c = repository.lock(current.id()).orElseThrow();
        if (c.state().status() != ConversionStatus.PENDING) {
            return c;
        }
        return move(c, ConversionStatus.APPROVED, action, reason, null);
    }

    /**
     * Marks the member's approved conversions paid, oldest first, as far as {@code amount} covers
     * them; called by the ledger inside the transaction that recorded the completed payout.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void markPaid(UUID brandId, UUID memberId, UUID paymentId, Money amount) {
        long left = amount.minor();
        for (Conversion c : repository.approvedOldestFirst(brandId, memberId)) {
            Money commission = c.amounts().commission();
            if (!commission.currency().equals(amount.currency()) || commission.minor() > left) {
                break;
            }
            left -= commission.minor();
            move(c, ConversionStatus.PAID, "PAID", "Paid in payment " + paymentId, paymentId);
        }
    }

    /**
     * A paid conversion is not changed: its commission left with a completed payment, and the
     * ledger books a conversion's money only while it is owed. Taking it back is a correction on
     * the member's balance, which the brand decides.
     */
    static ProblemException paidAlready(Conversion c, String change) {
        return ProblemException.conflict("Conversion " + c.id() + " was paid to the member in payment "
                + c.state().paymentId() + " and cannot be " + change + "; book a correction on the member's balance"
                + " instead");
    }

    /**
     * Puts the member's conversions that a payout marked paid back to approved, when the payout
     * came back (PayPal RETURNED, REFUNDED or REVERSED after payment); called by the ledger inside
     * the transaction that books the money back.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void markUnpaid(UUID brandId, UUID memberId, UUID paymentId) {
        for (Conversion c : repository.paidIn(brandId, memberId, paymentId)) {
            move(c, ConversionStatus.APPROVED, "UNPAID", "Payout in payment " + paymentId + " came back", null);
        }
    }

    private Conversion locked(UUID brandId, UUID id) {
        return repository.lock(id).filter(c -> c.brandId().equals(brandId))
                .orElseThrow(() -> ProblemException.notFound("Conversion", id));
    }

    private Conversion move(Conversion c, ConversionStatus to, String action, String reason, UUID paymentId) {
        return change(c, c.moved(to, reason, paymentId, clock.instant()), action, reason);
    }

    /** Stores a change: the row, its history (with {@code reason}, which may be null), rollups and money event. */
    private Conversion change(Conversion before, Conversion after, String action, String reason) {
        Instant at = after.state().updatedAt();
        repository.update(after);
        repository.recordChange(ids.next(), after, action, before.state().status(), reason, at);
        audit.record(AuditedConversion.entry(action, before, after));
        rollup.apply(before, after);
        if (before.state().status() != after.state().status()
                || !Objects.equals(before.owedCommission(), after.owedCommission())
                || !Objects.equals(before.owedNetworkCommission(), after.owedNetworkCommission())) {
            events.publishEvent(ConversionMoneyChanged.of(moneyEvent(before, after, at)));
        }
        return after;
    }

    private MoneyChange moneyEvent(Conversion before, Conversion after, Instant at) {
        return new MoneyChange(ids.next(), after.brandId(), after.id(), after.credit().offerId(),
                after.credit().memberId(), before == null ? null : before.state().status(), after.state().status(),
                before == null ? null : before.owedCommission(), after.owedCommission(),
                before == null ? null : before.owedNetworkCommission(), after.owedNetworkCommission(), at);
    }
}
