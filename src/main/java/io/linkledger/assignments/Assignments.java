package io.linkledger.assignments;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.linkledger.members.Member;
import io.linkledger.audit.AuditTrail;
import io.linkledger.offers.Offer;
import io.linkledger.offers.OfferStatus;
import io.linkledger.offers.Offers;
import io.linkledger.offers.PayoutType;
import io.linkledger.shared.Money;
import io.linkledger.shared.Page;
import io.linkledger.shared.ProblemException;
import io.linkledger.shared.PublicUrls;
import io.linkledger.shared.Validation;

/**
 * A brand's members in its offers: each gets a tracking link code, a promo code (for code offers)
 * and a dashboard token. Assigning again returns what exists and only fills what is missing.
 */
@Service
public class Assignments {

    private final AssignmentRepository repository;
    private final AssignmentGeneration generation;
    private final Recipients recipients;
    private final PromoCodes promoCodes;
    private final Offers offers;
    private final PublicUrls urls;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;

    Assignments(AssignmentRepository repository, AssignmentGeneration generation, Recipients recipients,
            PromoCodes promoCodes, Offers offers, PublicUrls urls, Clock clock, ApplicationEventPublisher events,
            AuditTrail audit) {
        this.audit = audit;
        this.repository = repository;
        this.generation = generation;
        this.recipients = recipients;
        this.promoCodes = promoCodes;
        this.offers = offers;
        this.urls = urls;
        this.clock = clock;
        this.events = events;
    }

    /** Who to assign: listed members and/or a whole project, optionally on a tier and with chosen codes. */
    public record AssignRequest(List<UUID> memberIds, UUID projectId, UUID payoutId, Map<UUID, String> promoCodes) {
    }

    /** The assignments (small sets), or the job that makes them (large sets). */
    public record AssignOutcome(List<Assignment> assignments, UUID jobId, int total) {
    }

    /** A change to one assignment; null fields stay as they are. */
    public record AssignmentChange(String promoCode, UUID payoutId, OverrideRequest commissionOverride,
            Boolean clearCommissionOverride) {
    }

    public record OverrideRequest(PayoutType type, String amount, String percent) {
    }

    public AssignOutcome assign(UUID brandId, UUID offerId, AssignRequest request) {
        Offer offer = offers.get(brandId, offerId);
        if (offer.status() == OfferStatus.ARCHIVED) {
            throw ProblemException.conflict("Offer " + offerId + " is archived; unarchive it before adding members");
        }
        List<UUID> memberIds = recipients.of(brandId, request);
        Map<UUID, String> chosenCodes = promoCodes.chosen(offer, request.promoCodes(), memberIds);
        if (request.payoutId() != null && offer.payout(request.payoutId()).isEmpty()) {
            throw ProblemException.invalid("payoutId", "offer " + offerId + " has no payout option " + request.payoutId());
        }
        return generation.generate(offer, memberIds, request, chosenCodes);
    }

    /**
     * The member's tracking link, promo code and dashboard link in the assignment's offer: the one
     * place that decides which of them an offer shows and how its URLs look.
     */
    public AssignmentLinks links(Offer offer, Assignment a) {
        return new AssignmentLinks(offer.type().hasLink() ? urls.trackingLink(a.linkCode()) : null,
                offer.type().hasCode() ? a.promoCode() : null,
                a.dashboardToken() == null ? null : urls.dashboardLink(a.dashboardToken()));
    }

    /** Every member id assigned to the offer, in no particular order. */
    public List<UUID> memberIds(UUID brandId, UUID offerId) {
        offers.get(brandId, offerId);
        return repository.memberIds(offerId);
    }

    public Page<Assignment> list(UUID brandId, UUID offerId, int limit, int offset) {
        offers.get(brandId, offerId);
        return new Page<>(repository.list(offerId, limit, offset), repository.count(offerId), limit, offset);
    }

    public Assignment get(UUID brandId, UUID offerId, UUID memberId) {
        offers.get(brandId, offerId);
        return repository.find(offerId, memberId)
                .orElseThrow(() -> ProblemException.notFound("Member " + memberId + " in offer", offerId));
    }

    @Transactional
    public Assignment change(UUID brandId, UUID offerId, UUID memberId, AssignmentChange change) {
        Offer offer = offers.get(brandId, offerId);
        Assignment a = get(brandId, offerId, memberId);
        Validation v = new Validation();
        String promoCode = a.promoCode();
        if (change.promoCode() != null) {
            promoCode = change.promoCode().trim();
            v.check(offer.type().hasCode(), "promoCode", "offer type " + offer.type() + " has no promo codes");
            PromoCodes.checkChosen(promoCode, "promoCode", v);
        }
        UUID payoutId = a.payoutId();
        if (change.payoutId() != null) {
            payoutId = change.payoutId();
            v.check(offer.payout(payoutId).isPresent(), "payoutId", "offer " + offerId + " has no payout option " + payoutId);
        }
        CommissionOverride override = Boolean.TRUE.equals(change.clearCommissionOverride()) ? null : a.override();
        if (change.commissionOverride() != null) {
            override = override(change.commissionOverride(), offer, v);
        }
        v.throwIfInvalid();
        if (promoCode != null && !promoCode.equalsIgnoreCase(String.valueOf(a.promoCode()))) {
            promoCodes.requireFree(brandId, promoCode);
        }
        Assignment changed = new Assignment(a.id(), a.brandId(), a.offerId(), a.memberId(), a.projectId(),
                a.linkCode(), promoCode, a.dashboardToken(), payoutId, override, a.createdAt(), clock.instant());
        repository.update(changed);
        audit.record(AuditedAssignment.entry("assignment.updated", a, a, changed));
        events.publishEvent(new AssignmentChanged(brandId, offerId, memberId, a.linkCode()));
        return changed;
    }

    /** These members' assignments in the offer; members not in it are left out. */
    public List<Assignment> forMembers(UUID brandId, UUID offerId, List<UUID> memberIds) {
        offers.get(brandId, offerId);
        return repository.findByMembers(offerId, memberIds);
    }

    /** These assignments by id, whatever their offer: what attribution needs for a batch of clicks. */
    public Map<UUID, Assignment> findByIds(Collection<UUID> assignmentIds) {
        Map<UUID, Assignment> byId = new HashMap<>();
        repository.findByIds(assignmentIds).forEach(a -> byId.put(a.id(), a));
        return byId;
    }

    /** The assignment a tracking link code stands for, for the redirect. */
    public Optional<Assignment> findByLinkCode(String linkCode) {
        return repository.findByLinkCode(linkCode);
    }

    /** The assignment a dashboard token stands for. */
    public Optional<Assignment> findByDashboardToken(String token) {
        return repository.findByDashboardToken(token);
    }

    /** The assignment holding a promo code, ignoring case, for shop order attribution. */
    public Optional<Assignment> findByPromoCode(UUID brandId, String promoCode) {
        return repository.findByPromoCode(brandId, promoCode);
    }

    private static CommissionOverride override(OverrideRequest r, Offer offer, Validation v) {
        if (r.type() == null) {
            v.add("commissionOverride.type", "is required: CPC, CPA, CPS or CPA_CPS");
            return null;
        }
        Money amount = null;
        BigDecimal percent = null;
        if (r.type().needsAmount()) {
            try {
                amount = Money.parse(r.amount(), offer.currency());
                v.check(amount.minor() > 0, "commissionOverride.amount", "must be greater than zero");
            } catch (IllegalArgumentException | ArithmeticException e) {
                v.add("commissionOverride.amount", "is required for " + r.type() + ": " + e.getMessage());
            }
        }
        if (r.type().needsPercent()) {
            try {
                percent = new BigDecimal(r.percent().trim());
                v.check(percent.signum() > 0 && percent.compareTo(BigDecimal.valueOf(100)) <= 0,
                        "commissionOverride.percent", "must be more than 0 and at most 100");
            } catch (NumberFormatException | NullPointerException e) {
                v.add("commissionOverride.percent", "is required for " + r.type() + ", a number such as 15");
            }
        }
        return new CommissionOverride(r.type(), amount, percent);
    }

    /** Every assignment of these members, across offers; for the creator portal. */
    public List<Assignment> findByMembers(Collection<UUID> memberIds) {
        return repository.findByMember(memberIds);
    }
}
