package io.linkledger.conversions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import io.linkledger.offers.OfferTermsService;

/**
 * Approves pending conversions once their offer's lock period has passed. Safe on several
 * nodes at once: each approval locks its row and skips what is no longer pending.
 */
@Component
class AutoApproval {

    private static final Logger log = LoggerFactory.getLogger(AutoApproval.class);
    private static final int BATCH = 500;

    private final OfferTermsService terms;
    private final ConversionRepository repository;
    private final Conversions conversions;
    private final Clock clock;

    AutoApproval(OfferTermsService terms, ConversionRepository repository, Conversions conversions, Clock clock) {
        this.terms = terms;
        this.repository = repository;
        this.conversions = conversions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${linkledger.conversions.auto-approve-every:PT5M}",
            initialDelayString = "${linkledger.conversions.auto-approve-initial-delay:PT1M}")
    @SchedulerLock(name = "auto-approval",
            lockAtMostFor = "${linkledger.jobs.auto-approval.lock-at-most-for:${linkledger.jobs.lock-at-most-for:PT10M}}")
    void run() {
        int approved = approveDue(clock.instant());
        if (approved > 0) {
            log.info("Approved {} conversion(s) whose lock period passed", approved);
        }
    }

    /** Approves what converted at least the lock period before {@code now}; returns how many. */
    int approveDue(Instant now) {
        int approved = 0;
        for (Map.Entry<UUID, Integer> offer : terms.lockPeriods().entrySet()) {
            Instant cutoff = now.minus(Duration.ofDays(offer.getValue()));
            String reason = "Lock period of " + offer.getValue() + " days passed";
            List<UUID> due;
            do {
                due = repository.pendingBefore(offer.getKey(), cutoff, BATCH);
                for (UUID id : due) {
                    Conversion c = repository.find(id).orElseThrow();
                    if (conversions.approveFrom(c, "AUTO_APPROVED", reason).state().status() == ConversionStatus.APPROVED) {
                        approved++;
                    }
                }
            } while (due.size() == BATCH);
        }
        return approved;
    }
}
