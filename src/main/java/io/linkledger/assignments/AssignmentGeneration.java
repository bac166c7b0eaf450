package io.linkledger.assignments;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.linkledger.audit.AuditTrail;
import io.linkledger.assignments.Assignments.AssignOutcome;
import io.linkledger.assignments.Assignments.AssignRequest;
import io.linkledger.jobs.Jobs;
import io.linkledger.jobs.Progress;
import io.linkledger.offers.Offer;
import io.linkledger.shared.Ids;

/**
 * Makes the link code, promo code and dashboard token of every member being assigned, in chunks of
 * one transaction each; at once for small sets, as a job with progress for large ones. Assigning
 * again returns what exists and only fills what is missing.
 */
@Component
class AssignmentGeneration {

    private static final int CHUNK = 500;
    /** Rounds of fresh codes when a concurrent assignment took some; each makes the random parts longer. */
    private static final int MAX_ROUNDS = 8;

    private final AssignmentRepository repository;
    private final PromoCodes promoCodes;
    private final CodeGenerator codes;
    private final Jobs jobs;
    private final Ids ids;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final int syncLimit;
    private final AuditTrail audit;

    AssignmentGeneration(AssignmentRepository repository, PromoCodes promoCodes, CodeGenerator codes, Jobs jobs,
            Ids ids, Clock clock, TransactionTemplate transactions, ApplicationEventPublisher events,
            @Value("${linkledger.assignments.sync-limit:500}") int syncLimit, AuditTrail audit) {
        this.audit = audit;
        this.repository = repository;
        this.promoCodes = promoCodes;
        this.codes = codes;
        this.jobs = jobs;
        this.ids = ids;
        this.clock = clock;
        this.transactions = transactions;
        this.events = events;
        this.syncLimit = syncLimit;
    }

    /** Generates for checked members and chosen codes: the assignments, or the job making them. */
    AssignOutcome generate(Offer offer, List<UUID> memberIds, AssignRequest request, Map<UUID, String> chosenCodes) {
        if (memberIds.size() <= syncLimit) {
            List<Assignment> made = inChunks(offer, memberIds, request, chosenCodes, count -> { }).assignments;
            return new AssignOutcome(made, null, memberIds.size());
        }
        UUID jobId = jobs.start(offer.brandId(), "assign-members", memberIds.size(), progress -> {
            Generated generated = inChunks(offer, memberIds, request, chosenCodes, progress);
            return Map.of("offerId", offer.id(), "total", memberIds.size(), "created", generated.created,
                    "existing", memberIds.size() - generated.created);
        });
        return new AssignOutcome(null, jobId, memberIds.size());
    }

    private record Generated(List<Assignment> assignments, int created) {
    }

    private Generated inChunks(Offer offer, List<UUID> memberIds, AssignRequest request,
            Map<UUID, String> chosenCodes, Progress progress) {
        List<Assignment> all = new ArrayList<>();
        int created = 0;
        for (int from = 0; from < memberIds.size(); from += CHUNK) {
            List<UUID> chunk = memberIds.subList(from, Math.min(memberIds.size(), from + CHUNK));
            Generated part = transactions.execute(status -> chunk(offer, chunk, request, chosenCodes));
            all.addAll(part.assignments);
            created += part.created;
            progress.advance(chunk.size());
        }
        return new Generated(all, created);
    }

    private Generated chunk(Offer offer, List<UUID> chunk, AssignRequest request, Map<UUID, String> chosenCodes) {
        Map<UUID, Assignment> existing = byMember(repository.findByMembers(offer.id(), chunk));
        Instant now = clock.instant();
        fillExisting(offer, existing, request, chosenCodes, now);

        List<UUID> missing = chunk.stream().filter(id -> !existing.containsKey(id)).toList();
        int created = 0;
        for (int round = 0; round < MAX_ROUNDS && !missing.isEmpty(); round++) {
            Map<UUID, String> promo = offer.type().hasCode()
                    ? promoCodes.allocate(offer.brandId(), missing, chosenCodes, round) : Map.of();
            List<Assignment> fresh = new ArrayList<>();
            for (UUID memberId : missing) {
                fresh.add(new Assignment(ids.next(), offer.brandId(), offer.id(), memberId, request.projectId(),
                        codes.linkCode(), promo.get(memberId), codes.dashboardToken(), request.payoutId(), null, now,
                        now));
            }
            repository.insertAll(offer.currency(), fresh);
            Map<UUID, Assignment> landed = byMember(repository.findByMembers(offer.id(), missing));
            List<Assignment> made = fresh.stream().filter(a -> landed.containsKey(a.memberId())
                    && landed.get(a.memberId()).id().equals(a.id())).toList();
            created += made.size();
            events.publishEvent(new MembersAssigned(made));
            audit.recordAll(made.stream().map(a -> AuditedAssignment.entry("assignment.created", a, null, a)).toList());
            existing.putAll(landed);
            missing = missing.stream().filter(id -> !landed.containsKey(id)).toList();
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Could not find free codes for " + missing.size() + " members");
        }
        return new Generated(chunk.stream().map(existing::get).toList(), created);
    }

    /** Fills what an existing assignment lacks; never replaces its link, code or token. */
    private void fillExisting(Offer offer, Map<UUID, Assignment> existing, AssignRequest request,
            Map<UUID, String> chosenCodes, Instant now) {
        List<UUID> needCode = offer.type().hasCode()
                ? existing.values().stream().filter(a -> a.promoCode() == null).map(Assignment::memberId).toList()
                : List.of();
        Map<UUID, String> promo = needCode.isEmpty() ? Map.of()
                : promoCodes.allocate(offer.brandId(), needCode, chosenCodes, 0);
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
            audit.record(AuditedAssignment.entry("assignment.updated", a, a, changed));
            existing.put(a.memberId(), changed);
        }
    }

    private static Map<UUID, Assignment> byMember(List<Assignment> assignments) {
        Map<UUID, Assignment> map = new HashMap<>();
        assignments.forEach(a -> map.put(a.memberId(), a));
        return map;
    }
}
