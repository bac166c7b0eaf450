package io.linkledger.conversions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Deletes raw inbound requests older than {@code linkledger.inbound.retention-days} (0 keeps
 * them forever), oldest first, a batch per statement so no transaction holds many rows. A
 * conversion needs none of them: its own row and history keep what it is, where it came from and
 * every change; only the replay of a deleted request and the redelivery check of its Shopify
 * delivery id go with it (the order id still keeps a redelivered order from counting twice).
 * One node at a time runs it (a ShedLock lease, as every scheduled job).
 */
@Component
class InboundRetention {

    private static final Logger log = LoggerFactory.getLogger(InboundRetention.class);

    private final InboundRepository inbound;
    private final Clock clock;
    private final int retentionDays;
    private final int batchSize;

    InboundRetention(InboundRepository inbound, Clock clock,
            @Value("${linkledger.inbound.retention-days:90}") int retentionDays,
            @Value("${linkledger.inbound.retention-batch-size:1000}") int batchSize) {
        this.inbound = inbound;
        this.clock = clock;
        this.retentionDays = retentionDays;
        this.batchSize = batchSize;
    }

    @Scheduled(fixedDelayString = "${linkledger.inbound.retention-every:PT1H}",
            initialDelayString = "${linkledger.inbound.retention-initial-delay:PT10M}")
    @SchedulerLock(name = "inbound-retention",
            lockAtMostFor = "${linkledger.jobs.inbound-retention.lock-at-most-for:${linkledger.jobs.lock-at-most-for:PT10M}}")
    void run() {
        if (retentionDays <= 0) {
            return;
        }
        long deleted = deleteReceivedBefore(clock.instant().minus(Duration.ofDays(retentionDays)));
        if (deleted > 0) {
            log.info("Deleted {} inbound request(s) older than {} days", deleted, retentionDays);
        }
    }

    /** Deletes every request received before {@code cutoff}, a batch at a time; returns how many. */
    long deleteReceivedBefore(Instant cutoff) {
        long deleted = 0;
        int last;
        do {
            last = inbound.deleteReceivedBefore(cutoff, batchSize);
            deleted += last;
        } while (last == batchSize);
        return deleted;
    }
}
