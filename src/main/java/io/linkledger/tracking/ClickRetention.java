package io.linkledger.tracking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.SortedSet;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import io.linkledger.offers.Offers;
import io.linkledger.shared.Sql;

/**
 * Keeps raw clicks for {@code linkledger.tracking.click-retention-days} (0: for ever) and, on
 * PostgreSQL, the monthly partitions of {@code clicks} ready {@code click-partitions-ahead} months
 * ahead. The rollups keep every total, so reports do not change when raw clicks go. A retention
 * shorter than the longest attribution window an offer may have is refused at start-up: a
 * conversion must still find its click. On PostgreSQL a month goes as a whole, by dropping its
 * partition once all of it is older than the retention (so a click stays up to a month longer);
 * on H2 the rows go a batch at a time.
 */
@Component
class ClickRetention {

    private static final Logger log = LoggerFactory.getLogger(ClickRetention.class);

    private final JdbcClient jdbc;
    private final ClickPartitions partitions;
    private final Clock clock;
    private final int retentionDays;
    private final int monthsAhead;
    private final int batchSize;

    ClickRetention(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transactions, Clock clock,
            @Value("${linkledger.tracking.click-retention-days:0}") int retentionDays,
            @Value("${linkledger.tracking.click-partitions-ahead:3}") int monthsAhead,
            @Value("${linkledger.tracking.click-retention-batch-size:1000}") int batchSize) {
        if (retentionDays < 0 || retentionDays > 0 && retentionDays < Offers.MAX_ATTRIBUTION_WINDOW_DAYS) {
            throw new IllegalStateException("linkledger.tracking.click-retention-days is " + retentionDays
                    + ": it must be 0 (keep clicks for ever) or at least " + Offers.MAX_ATTRIBUTION_WINDOW_DAYS
                    + ", the longest attribution window, so a conversion still finds its click");
        }
        this.jdbc = jdbc;
        boolean postgres = Boolean.TRUE.equals(template.execute((ConnectionCallback<Boolean>) connection ->
                connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")));
        // Only PostgreSQL partitions clicks (H2 keeps one table).
        this.partitions = postgres ? new ClickPartitions(jdbc, transactions) : null;
        this.clock = clock;
        this.retentionDays = retentionDays;
        this.monthsAhead = monthsAhead;
        this.batchSize = batchSize;
    }

    @Scheduled(fixedDelayString = "${linkledger.tracking.click-retention-every:PT1H}",
            initialDelayString = "${linkledger.tracking.click-retention-initial-delay:PT0S}")
    @SchedulerLock(name = "click-retention",
            lockAtMostFor = "${linkledger.jobs.click-retention.lock-at-most-for:${linkledger.jobs.lock-at-most-for:PT10M}}")
    void run() {
        Instant now = clock.instant();
        if (retentionDays > 0) {
            deleteBefore(now.minus(Duration.ofDays(retentionDays)));
        }
        if (partitions != null) {
            prepareMonths(YearMonth.from(now.atZone(ZoneOffset.UTC)));
        }
    }

    /**
     * Deletes the raw clicks before {@code cutoff}: on PostgreSQL the partitions of the months wholly
     * before it (and such clicks still in the default partition), on H2 every such row.
     */
    void deleteBefore(Instant cutoff) {
        if (partitions == null) {
            long deleted = 0;
            int last;
            do {
                last = jdbc.sql("""
                        delete from clicks where transaction_id in (
                            select transaction_id from clicks where clicked_at < ? limit ?)""")
                        .params(Sql.ts(cutoff), batchSize)
                        .update();
                deleted += last;
            } while (last == batchSize);
            if (deleted > 0) {
                log.info("Deleted {} raw click(s) from before {}", deleted, cutoff);
            }
            return;
        }
        YearMonth firstKept = YearMonth.from(cutoff.atZone(ZoneOffset.UTC));
        for (YearMonth month : partitions.months()) {
            if (month.isBefore(firstKept)) {
                partitions.drop(month);
                log.info("Dropped the raw clicks of {}", month);
            }
        }
        partitions.deleteDefaultBefore(firstKept.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** Partitions for this month and the months ahead, and for every month still in the default partition. */
    void prepareMonths(YearMonth current) {
        SortedSet<YearMonth> wanted = new TreeSet<>(partitions.monthsInDefault());
        for (int i = 0; i <= monthsAhead; i++) {
            wanted.add(current.plusMonths(i));
        }
        wanted.removeAll(partitions.months());
        wanted.forEach(partitions::create);
    }
}
