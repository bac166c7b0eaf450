package io.linkledger.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Fixed-window counters in the table {@code rate_limit_hits}, shared by every node. Under its
 * limit a hit costs one conditional UPDATE; the first hit of a window inserts the row, and a
 * key over its limit costs an UPDATE and an INSERT that both change nothing. Each statement is
 * atomic on its own, so two nodes counting the same key at once never lose a hit.
 */
@Component
public class RateLimits {

    private final JdbcClient jdbc;
    private final Clock clock;

    public RateLimits(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A limiter whose keys are counted apart from every other limiter's; {@code name} must be unique. */
    public RateLimiter limiter(String name, int limit, Duration window) {
        return new RateLimiter(this, name, limit, window);
    }

    boolean tryAcquire(String bucket, int limit, Duration window) {
        Instant start = windowStart(window);
        if (increment(bucket, start, limit)) {
            return true;
        }
        int inserted = jdbc.sql("""
                insert into rate_limit_hits (bucket, window_start, hits, expires_at) values (?, ?, 1, ?)
                on conflict do nothing""")
                .params(bucket, Sql.ts(start), Sql.ts(start.plus(window)))
                .update();
        // Not inserted: the row exists, because the key is at its limit or another node just made it.
        return inserted == 1 || increment(bucket, start, limit);
    }

    int hits(String bucket, Duration window) {
        return jdbc.sql("select hits from rate_limit_hits where bucket = ? and window_start = ?")
                .params(bucket, Sql.ts(windowStart(window)))
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    /** Windows that ended are of no further use; one node at a time deletes them. */
    @Scheduled(fixedDelayString = "${linkledger.rate-limits.cleanup-interval:PT5M}")
    @SchedulerLock(name = "rate-limits-cleanup",
            lockAtMostFor = "${linkledger.jobs.rate-limits-cleanup.lock-at-most-for:${linkledger.jobs.lock-at-most-for:PT10M}}")
    void deleteExpired() {
        jdbc.sql("delete from rate_limit_hits where expires_at < ?").param(Sql.ts(clock.instant())).update();
    }

    private boolean increment(String bucket, Instant start, int limit) {
        return jdbc.sql("update rate_limit_hits set hits = hits + 1 where bucket = ? and window_start = ? and hits < ?")
                .params(bucket, Sql.ts(start), limit)
                .update() == 1;
    }

    private Instant windowStart(Duration window) {
        long size = window.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(clock.millis(), size) * size);
    }
}
