package io.linkledger.assignments;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.linkledger.audit.AuditTrail;
import io.linkledger.shared.Tokens;

/** The life of a member's dashboard link: rotated or revoked by the brand, old links explained. */
@Service
public class DashboardLinks {

    private final Assignments assignments;
    private final AssignmentRepository repository;
    private final CodeGenerator codes;
    private final Clock clock;
    private final AuditTrail audit;

    DashboardLinks(Assignments assignments, AssignmentRepository repository, CodeGenerator codes, Clock clock,
            AuditTrail audit) {
        this.audit = audit;
        this.assignments = assignments;
        this.repository = repository;
        this.codes = codes;
        this.clock = clock;
    }

    /**
     * Gives the assignment a new dashboard token; the old link then answers "this link was
     * replaced". Also brings back a revoked dashboard.
     */
    @Transactional
    public Assignment rotate(UUID brandId, UUID offerId, UUID memberId) {
        Assignment a = assignments.get(brandId, offerId, memberId);
        Instant now = clock.instant();
        if (a.dashboardToken() != null) {
            repository.retireDashboardToken(Tokens.sha256(a.dashboardToken()), a.id(),
                    RetiredDashboardToken.Reason.REPLACED, now);
        }
        String token = codes.dashboardToken();
        repository.updateDashboardToken(a.id(), token, now);
        audit.record(AuditedAssignment.entry("dashboard_link.rotated", a, null, null));
        return withDashboardToken(a, token, now);
    }

    /** Switches the member's dashboard off; the old link then answers "this link was revoked". */
    @Transactional
    public Assignment revoke(UUID brandId, UUID offerId, UUID memberId) {
        Assignment a = assignments.get(brandId, offerId, memberId);
        if (a.dashboardToken() == null) {
            return a;
        }
        Instant now = clock.instant();
        repository.retireDashboardToken(Tokens.sha256(a.dashboardToken()), a.id(),
                RetiredDashboardToken.Reason.REVOKED, now);
        repository.updateDashboardToken(a.id(), null, now);
        audit.record(AuditedAssignment.entry("dashboard_link.revoked", a, null, null));
        return withDashboardToken(a, null, now);
    }

    /** Why a token that opens no dashboard used to: replaced or revoked. Empty for tokens never issued. */
    public Optional<RetiredDashboardToken> findRetired(String token) {
        return repository.findRetiredDashboardToken(Tokens.sha256(token));
    }

    private static Assignment withDashboardToken(Assignment a, String token, Instant now) {
        return new Assignment(a.id(), a.brandId(), a.offerId(), a.memberId(), a.projectId(), a.linkCode(),
                a.promoCode(), token, a.payoutId(), a.override(), a.createdAt(), now);
    }
}
