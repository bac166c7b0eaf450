package io.linkledger.conversions;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.linkledger.conversions.Attribution.Attributed;
import io.linkledger.conversions.Attribution.AttributedClick;
import io.linkledger.conversions.CommissionEngine.Commission;
import io.linkledger.conversions.Conversion.AttributedBy;
import io.linkledger.conversions.Conversion.Amounts;
import io.linkledger.conversions.Conversion.Credit;
import io.linkledger.conversions.Conversion.Source;
import io.linkledger.conversions.Conversion.State;
import io.linkledger.conversions.Decision.Recorded;
import io.linkledger.conversions.Decision.Refused;
import io.linkledger.conversions.Integration.CreditPriority;
import io.linkledger.shared.Ids;
import io.linkledger.shared.Money;
import io.linkledger.shared.ProblemException;

/**
 * Decides what claims make, the one place that does: a single postback, a shop order, a replay or
 * a test purchase is a batch of one; the group commit hands over a batch of many. For each claim,
 * in arrival order: a repeat of an idempotency key (integration, external id) answers with the
 * conversion holding it; otherwise the claim is attributed (click, promo code or member id), its
 * commission computed (volume tiers by the member's month so far), one order credited once (the
 * preferred attribution keeps it), the {@link QualityRules} run (any rule that fires holds it), and
 * the conversion made with its status.
 *
 * <p>The reads are made once for the whole batch, then every claim is decided against a
 * {@link BatchView} that adds what the claims before it made: two claims of one batch for the same
 * key, order or member's month end as they would one after the other. Then everything is stored
 * together. A refused claim writes nothing.
 */
@Component
class ClaimDecider {

    /** What {@code conversions.status_reason} holds. */
    private static final int MAX_REASON = 500;

    /** A claim and the integration it came through. */
    record Claimed(Integration integration, Claim claim) {

        String key() {
            return integration.conversionKey(claim.externalId());
        }

        UUID brandId() {
            return integration.brandId();
        }
    }

    /** A claim's attribution, or why it has none. */
    private record Attributing(Attributed attributed, ProblemException problem) {
    }

    private final ConversionRepository repository;
    private final Conversions conversions;
    private final Attribution attribution;
    private final CommissionEngine engine;
    private final QualityRules rules;
    private final Ids ids;
    private final Clock clock;

    ClaimDecider(ConversionRepository repository, Conversions conversions, Attribution attribution,
            CommissionEngine engine, QualityRules rules, Ids ids, Clock clock) {
        this.repository = repository;
        this.conversions = conversions;
        this.attribution = attribution;
        this.engine = engine;
        this.rules = rules;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Decision decide(Claimed claimed) {
        return decide(List.of(claimed)).getFirst();
    }

    /** One decision per claim, in order; what they made is stored when this returns. */
    @Transactional(propagation = Propagation.MANDATORY)
    List<Decision> decide(List<Claimed> batch) {
        BatchView view = new BatchView();
        view.read(holdersOfKeys(batch));
        // A claim whose key is held already is a repeat: nothing more is read for it.
        List<Claimed> fresh = batch.stream().map(c -> view.holding(c.brandId(), c.key()) == null ? c : null).toList();
        List<Attributing> attributed = attribute(fresh);
        view.read(creditingOrders(fresh));
        view.readSales(repository.sales(monthPoints(fresh, attributed)));

        Instant now = clock.instant();
        List<Decision> decisions = new ArrayList<>(batch.size());
        Map<UUID, List<Hold>> holds = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            decisions.add(decide(batch.get(i), attributed.get(i), view, holds, now));
        }
        conversions.store(view.created(), view.changes(), holds);
        return decisions;
    }

    private Decision decide(Claimed claimed, Attributing attributing, BatchView view, Map<UUID, List<Hold>> holds,
            Instant now) {
        Conversion earlier = view.holding(claimed.brandId(), claimed.key());
        if (earlier != null) {
            return new Recorded(earlier, true);
        }
        if (attributing.problem() != null) {
            return new Refused(attributing.problem());
        }
        try {
            Conversion made = draft(claimed, attributing.attributed(), view, now);
            if (made.creditsOrder()) {
                made = creditOnce(made, claimed.integration().crediting().priority(), view, now);
            }
            made = held(claimed, attributing.attributed(), made, view, holds, now);
            view.create(made);
            return new Recorded(made, false);
        } catch (ProblemException e) {
            return new Refused(e);
        }
    }

    /** The conversion an attributed claim makes, before its order is credited once. */
    private Conversion draft(Claimed claimed, Attributed attributed, BatchView view, Instant now) {
        Claim claim = claimed.claim();
        var offer = attributed.offer();
        Currency currency = offer.currency();
        if (claim.currency() != null && !claim.currency().equalsIgnoreCase(currency.getCurrencyCode())) {
            throw ProblemException.invalid("currency", "'" + claim.currency() + "' does not match the offer's currency "
                    + currency.getCurrencyCode() + "; amounts are not converted");
        }
        Money sale = money("amount", claim.amount(), currency);
        Money network = claim.networkCommission() == null ? null
                : money("commission", claim.networkCommission(), currency);
        var assignment = attributed.assignment();
        Commission commission = engine.compute(offer, assignment, attributed.terms(), sale,
                () -> view.monthSales(point(attributed, claim), currency));
        ConversionStatus status = claim.test() ? ConversionStatus.REVERSED
                : claim.status() == null ? ConversionStatus.PENDING : claim.status();
        String reason = claim.test() ? "Test purchase: never paid" : null;
        return new Conversion(ids.next(), claimed.brandId(),
                new Credit(offer.id(), assignment.memberId(), assignment.id(), assignment.projectId(), attributed.by(),
                        attributed.transactionId(), attributed.promoCode(),
                        attributed.click() == null ? null : attributed.click().visitorKey()),
                new Source(claimed.integration().id(), claimed.key(), claim.kind(), claim.orderId(), claim.test(),
                        claim.convertedAt()),
                new Amounts(sale, commission.amount(), network, commission.type()),
                new State(status, reason, null, now, now));
    }

    /**
     * The conversion held when a quality rule fires on it (its reasons kept in {@code holds}); one
     * that pays nothing anyway (reversed, a test) is not judged.
     */
    private Conversion held(Claimed claimed, Attributed attributed, Conversion made, BatchView view,
            Map<UUID, List<Hold>> holds, Instant now) {
        if (!made.state().status().counts() || made.source().test()) {
            return made;
        }
        List<Hold> fired = rules.check(claimed, attributed, made, view);
        if (fired.isEmpty()) {
            return made;
        }
        holds.put(made.id(), fired);
        String reason = "Held for review: " + fired.stream().map(Hold::detail).collect(Collectors.joining(" "));
        // The whole of each reason is in conversion_holds; the status reason has room for 500 characters.
        return made.moved(ConversionStatus.HELD, reason.length() > MAX_REASON
                ? reason.substring(0, MAX_REASON - 1) + "…" : reason, null, now);
    }

    /**
     * One order pays once. If another live conversion credits the same order, the one attributed
     * the preferred way (link or code) keeps the credit; a pending loser is reversed, an approved
     * or paid one keeps it regardless.
     */
    private static Conversion creditOnce(Conversion fresh, CreditPriority priority, BatchView view, Instant now) {
        AttributedBy by = fresh.credit().by();
        for (Conversion other : view.liveForOrder(fresh.brandId(), fresh.source().orderKey())) {
            boolean freshPreferred = preferred(by, priority) && !preferred(other.credit().by(), priority);
            if (freshPreferred && other.state().status() == ConversionStatus.PENDING) {
                String reason = "Order " + other.source().orderId() + " is credited to conversion " + fresh.id()
                        + " (by " + by + ")";
                view.change(other, other.moved(ConversionStatus.REVERSED, reason, null, now), "CREDITED_ELSEWHERE",
                        reason);
            } else {
                return fresh.moved(ConversionStatus.REVERSED, "Order " + fresh.source().orderId()
                        + " is already credited to conversion " + other.id() + " (by " + other.credit().by() + ")",
                        null, now);
            }
        }
        return fresh;
    }

    private static boolean preferred(AttributedBy by, CreditPriority priority) {
        return priority == CreditPriority.CODE ? by == AttributedBy.CODE : by == AttributedBy.LINK;
    }

    /** The conversions holding the batch's keys: one query per brand. */
    private List<Conversion> holdersOfKeys(List<Claimed> batch) {
        List<Conversion> holders = new ArrayList<>();
        byBrand(batch, Claimed::key).forEach((brandId, keys) -> holders.addAll(repository.findByKeys(brandId, keys)));
        return holders;
    }

    /** The live conversions crediting the orders of these claims (nulls left out), locked: one query per brand. */
    private List<Conversion> creditingOrders(List<Claimed> claims) {
        List<Conversion> crediting = new ArrayList<>();
        byBrand(claims, c -> Source.orderKeyOf(c.claim().orderId()))
                .forEach((brandId, orderKeys) -> crediting.addAll(repository.lockLiveForOrders(brandId, orderKeys)));
        return crediting;
    }

    private static Map<UUID, Set<String>> byBrand(List<Claimed> claims, Function<Claimed, String> value) {
        Map<UUID, Set<String>> byBrand = new HashMap<>();
        for (Claimed c : claims) {
            String v = c == null ? null : value.apply(c);
            if (v != null) {
                byBrand.computeIfAbsent(c.brandId(), b -> new LinkedHashSet<>()).add(v);
            }
        }
        return byBrand;
    }

    /** Each claim's attribution (null for a null claim); the clicks of all are read at once. */
    private List<Attributing> attribute(List<Claimed> claims) {
        Map<String, AttributedClick> clicks = attribution.clicksWithAssignments(claims.stream()
                .filter(c -> c != null && c.claim().transactionId() != null)
                .map(c -> c.claim().transactionId()).distinct().toList());
        List<Attributing> attributed = new ArrayList<>(claims.size());
        for (Claimed c : claims) {
            if (c == null) {
                attributed.add(null);
                continue;
            }
            try {
                attributed.add(new Attributing(attribution.attribute(c.integration(), c.claim(), clicks), null));
            } catch (ProblemException e) {
                attributed.add(new Attributing(null, e));
            }
        }
        return attributed;
    }

    /** Where each claim whose commission follows monthly volume tiers stands in its member's month. */
    private List<MonthToDate> monthPoints(List<Claimed> claims, List<Attributing> attributed) {
        List<MonthToDate> points = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            Attributed a = attributed.get(i) == null ? null : attributed.get(i).attributed();
            if (a != null && engine.usesMonthSales(a.offer(), a.assignment(), a.terms())) {
                points.add(point(a, claims.get(i).claim()));
            }
        }
        return points;
    }

    private static MonthToDate point(Attributed attributed, Claim claim) {
        return new MonthToDate(attributed.offer().id(), attributed.assignment().memberId(), claim.convertedAt(), null);
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
}
