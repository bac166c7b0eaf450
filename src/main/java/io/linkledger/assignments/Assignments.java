package io.linkledger.assignments;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.linkledger.jobs.Jobs;
import io.linkledger.jobs.Progress;
import io.linkledger.members.Member;
import io.linkledger.members.Members;
import io.linkledger.offers.Offer;
import io.linkledger.offers.OfferStatus;
import io.linkledger.offers.Offers;
import io.linkledger.offers.PayoutType;
import io.linkledger.projects.Projects;
import io.linkledger.shared.Ids;
import io.linkledger.shared.Money;
import io.linkledger.shared.Page;
import io.linkledger.shared.ProblemException;
import io.linkledger.shared.Validation;

/**
 * Assigns members to offers: each gets a tracking link code, a promo code (for code offers)
 * and a dashboard token. Assigning again returns what exists and only fills what is missing.
 */
@Service
public class Assignments {

    private static final int CHUNK = 500;
    private static final int MAX_ATTEMPTS = 8;
    private static final String CUSTOM_CODE = "[A-Za-z0-9][A-Za-z0-9_-]{2,39}";

    private final AssignmentRepository repository;
    private final CodeGenerator codes;
    private final Offers offers;
    private final Members members;
    private final Projects projects;
    private final Jobs jobs;
    private final Ids ids;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final int syncLimit;
    private final ApplicationEventPublisher events;

    Assignments(AssignmentRepository repository, CodeGenerator codes, Offers offers, Members members,
            Projects projects, Jobs jobs, Ids ids, Clock clock, TransactionTemplate transactions,
            @Value("${linkledger.assignments.sync-limit:500}") int syncLimit, ApplicationEventPublisher events) {
        this.repository = repository;
        this.codes = codes;
        this.offers = offers;
        this.members = members;
        this.projects = projects;
        this.jobs = jobs;
        this.ids = ids;
        this.clock = clock;
        this.transactions = transactions;
        this.syncLimit = syncLimit;
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
        List<UUID> memberIds = memberIds(brandId, request);
        Map<UUID, String> customCodes = customCodes(brandId, offer, request, memberIds);
        if (request.payoutId() != null && offer.payout(request.payoutId()).isEmpty()) {
            throw ProblemException.invalid("payoutId", "offer " + offerId + " has no payout option " + request.payoutId());
        }
        if (memberIds.size() <= syncLimit) {
            List<Assignment> made = generate(offer, memberIds, request, customCodes, count -> { }).assignments;
            return new AssignOutcome(made, null, memberIds.size());
        }
        UUID jobId = jobs.start(brandId, "assign-members", memberIds.size(), progress -> {
            Generated generated = generate(offer, memberIds, request, customCodes, progress);
            return Map.of("offerId", offerId, "total", memberIds.size(), "created", generated.created,
                    "existing", memberIds.size() - generated.created);
        });
        return new AssignOutcome(null, jobId, memberIds.size());
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
            v.check(promoCode.matches(CUSTOM_CODE), "promoCode", customCodeRule(promoCode));
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
        if (promoCode != null && !promoCode.equalsIgnoreCase(String.valueOf(a.promoCode()))
                && !repository.takenPromoKeys(brandId, List.of(promoCode)).isEmpty()) {
            throw ProblemException.conflict("Promo code " + promoCode + " is already used by another member");
        }
        Assignment changed = new Assignment(a.id(), a.brandId(), a.offerId(), a.memberId(), a.projectId(),
                a.linkCode(), promoCode, a.dashboardToken(), payoutId, override, a.createdAt(), clock.instant());
        repository.update(changed);
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

    /** A project's members, or the listed ones (of the project, when one is given). */
    private List<UUID> memberIds(UUID brandId, AssignRequest request) {
        boolean listed = request.memberIds() != null && !request.memberIds().isEmpty();
        if (request.projectId() != null) {
            List<UUID> ids = projects.select(brandId, request.projectId(), request.memberIds());
            if (ids.isEmpty()) {
                throw ProblemException.invalid("projectId", "project " + request.projectId() + " has no members yet");
            }
            return ids;
        }
        if (!listed) {
            throw ProblemException.invalid("memberIds", "give memberIds, a projectId, or both");
        }
        for (int from = 0; from < request.memberIds().size(); from += CHUNK) {
            members.getAll(brandId, request.memberIds().subList(from, Math.min(request.memberIds().size(), from + CHUNK)));
        }
        return request.memberIds().stream().distinct().toList();
    }

    private Map<UUID, String> customCodes(UUID brandId, Offer offer, AssignRequest request, List<UUID> memberIds) {
        if (request.promoCodes() == null || request.promoCodes().isEmpty()) {
            return Map.of();
        }
        Validation v = new Validation();
        v.check(offer.type().hasCode(), "promoCodes", "offer type " + offer.type() + " has no promo codes");
        Set<String> seen = new HashSet<>();
        Set<UUID> assigned = new HashSet<>(memberIds);
        request.promoCodes().forEach((memberId, code) -> {
            String field = "promoCodes." + memberId;
            v.check(assigned.contains(memberId), field, "member is not among those being assigned");
            if (code == null || !code.trim().matches(CUSTOM_CODE)) {
                v.add(field, customCodeRule(code));
            } else {
                v.check(seen.add(code.trim().toUpperCase(Locale.ROOT)), field, code + " is given to two members");
            }
        });
        v.throwIfInvalid();
        Map<UUID, String> wanted = request.promoCodes().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().trim()));
        Map<UUID, Assignment> existing = repository.findByMembers(offer.id(), wanted.keySet()).stream()
                .collect(Collectors.toMap(Assignment::memberId, Function.identity()));
        Set<String> taken = repository.takenPromoKeys(brandId, wanted.values());
        wanted.forEach((memberId, code) -> {
            Assignment mine = existing.get(memberId);
            if (mine != null && mine.promoCode() != null) {
                if (!mine.promoCode().equalsIgnoreCase(code)) {
                    throw ProblemException.conflict("Member " + memberId + " already has promo code "
                            + mine.promoCode() + " in this offer; change it with PATCH on the assignment");
                }
            } else if (taken.contains(AssignmentRepository.promoKey(code))) {
                throw ProblemException.conflict("Promo code " + code + " is already used by another member");
            }
        });
        return wanted;
    }

    private record Generated(List<Assignment> assignments, int created) {
    }

    private Generated generate(Offer offer, List<UUID> memberIds, AssignRequest request, Map<UUID, String> customCodes,
            Progress progress) {
        List<Assignment> all = new ArrayList<>();
        int created = 0;
        for (int from = 0; from < memberIds.size(); from += CHUNK) {
            List<UUID> chunk = memberIds.subList(from, Math.min(memberIds.size(), from + CHUNK));
            Generated part = transactions.execute(status -> generateChunk(offer, chunk, request, customCodes));
            all.addAll(part.assignments);
            created += part.created;
            progress.advance(chunk.size());
        }
        return new Generated(all, created);
    }

    private Generated generateChunk(Offer offer, List<UUID> chunk, AssignRequest request,
            Map<UUID, String> customCodes) {
        Map<UUID, Member> byId = members.getAll(offer.brandId(), chunk).stream()
                .collect(Collectors.toMap(Member::id, Function.identity()));
        Map<UUID, Assignment> existing = index(repository.findByMembers(offer.id(), chunk));
        Instant now = clock.instant();
        updateExisting(offer, existing, request, customCodes, byId, now);

        List<UUID> missing = chunk.stream().filter(id -> !existing.containsKey(id)).toList();
        int created = 0;
        for (int attempt = 0; attempt < MAX_ATTEMPTS && !missing.isEmpty(); attempt++) {
            Map<UUID, String> promo = offer.type().hasCode()
                    ? promoCodes(offer.brandId(), missing, customCodes, byId, attempt) : Map.of();
            List<Assignment> fresh = new ArrayList<>();
            for (UUID memberId : missing) {
                fresh.add(new Assignment(ids.next(), offer.brandId(), offer.id(), memberId, request.projectId(),
                        codes.linkCode(), promo.get(memberId), codes.dashboardToken(), request.payoutId(), null, now,
                        now));
            }
            repository.insertAll(offer.currency(), fresh);
            Map<UUID, Assignment> landed = index(repository.findByMembers(offer.id(), missing));
            created += (int) fresh.stream().filter(a -> landed.containsKey(a.memberId())
                    && landed.get(a.memberId()).id().equals(a.id())).count();
            existing.putAll(landed);
            missing = missing.stream().filter(id -> !landed.containsKey(id)).toList();
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Could not find free codes for " + missing.size() + " members");
        }
        return new Generated(chunk.stream().map(existing::get).toList(), created);
    }

    /** Fills what an existing assignment lacks; never replaces its link, code or token. */
    private void updateExisting(Offer offer, Map<UUID, Assignment> existing, AssignRequest request,
            Map<UUID, String> customCodes, Map<UUID, Member> byId, Instant now) {
        List<UUID> needCode = offer.type().hasCode()
                ? existing.values().stream().filter(a -> a.promoCode() == null).map(Assignment::memberId).toList()
                : List.of();
        Map<UUID, String> promo = needCode.isEmpty() ? Map.of()
                : promoCodes(offer.brandId(), needCode, customCodes, byId, 0);
        for (Assignment a : List.copyOf(existing.values())) {
            UUID projectId = a.projectId() != null ? a.projectId() : request.projectId();
            UUID payoutId = request.payoutId() != null ? request.payoutId() : a.payoutId();
            String code = a.promoCode() != null ? a.promoCode() : promo.get(a.memberId());
            if (Objects.equals(projectId, a.projectId()) && Objects.equals(payoutId, a.payoutId())
                    && Objects.equals(code, a.promoCode())) {
                continue;
            }
            Assignment changed = new Assignment(a.id(), a.brandId(), a.offerId(), a.memberId(), projectId,
                    a.linkCode(), code, a.dashboardToken(), payoutId, a.override(), a.createdAt(), now);
            repository.update(changed);
            existing.put(a.memberId(), changed);
        }
    }

    /** Free promo codes for these members: their chosen one, or one made from their first name. */
    private Map<UUID, String> promoCodes(UUID brandId, List<UUID> memberIds, Map<UUID, String> customCodes,
            Map<UUID, Member> byId, int firstAttempt) {
        Map<UUID, String> result = new HashMap<>();
        Set<String> used = new HashSet<>();
        List<UUID> pending = new ArrayList<>();
        for (UUID memberId : memberIds) {
            String custom = customCodes.get(memberId);
            if (custom != null) {
                result.put(memberId, custom);
                used.add(AssignmentRepository.promoKey(custom));
            } else {
                pending.add(memberId);
            }
        }
        for (int attempt = firstAttempt; !pending.isEmpty(); attempt++) {
            if (attempt > firstAttempt + MAX_ATTEMPTS * 2) {
                throw new IllegalStateException("Could not find free promo codes for " + pending.size() + " members");
            }
            Map<UUID, String> candidates = new HashMap<>();
            for (UUID memberId : pending) {
                String code = codes.promoCode(byId.get(memberId).firstName(), attempt);
                if (used.add(AssignmentRepository.promoKey(code))) {
                    candidates.put(memberId, code);
                }
            }
            Set<String> taken = repository.takenPromoKeys(brandId, candidates.values());
            List<UUID> next = new ArrayList<>();
            for (UUID memberId : pending) {
                String code = candidates.get(memberId);
                if (code == null || taken.contains(AssignmentRepository.promoKey(code))) {
                    next.add(memberId);
                } else {
                    result.put(memberId, code);
                }
            }
            pending = next;
        }
        return result;
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

    private static String customCodeRule(String code) {
        return "'" + code + "' is not a valid promo code: 3 to 40 letters, digits, '-' or '_', starting with a letter or digit";
    }

    private static Map<UUID, Assignment> index(List<Assignment> assignments) {
        Map<UUID, Assignment> map = new HashMap<>();
        assignments.forEach(a -> map.put(a.memberId(), a));
        return map;
    }

    /** Every assignment of these members, across offers; for the creator portal. */
    public List<Assignment> findByMembers(Collection<UUID> memberIds) {
        return repository.findByMember(memberIds);
    }
}
