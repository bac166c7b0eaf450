package io.linkledger.tracking;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.linkledger.shared.GroupCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Group commit for clicks, the database mode's {@link ClickSink}. Clicks wait in a bounded queue;
 * a flusher takes everything queued (up to the batch size), writes it in one batched statement and
 * one transaction, and only after the commit acknowledges the batch's clicks. While one batch
 * commits the next one gathers, so the database sees few large transactions instead of one per
 * click, and no click is acknowledged before it is durable.
 *
 * <p>It fails fast instead of hanging: a full queue or a recent failed flush refuse a click at once.
 * The acknowledgements run on the flusher's thread, a batch's in one pass right after its commit.
 */
@Component
@ConditionalOnProperty(name = EventsBackend.PROPERTY, havingValue = "database", matchIfMissing = true)
class ClickBatcher implements ClickSink, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClickBatcher.class);

    private record Pending(Click click, Ack ack) {
    }

    private final ClickWriter writer;
    private final TransactionTemplate transactions;
    private final BlockingQueue<Pending> queue;
    private final int batchSize;
    private final int flushers;
    private final long backoffNanos;
    private final AtomicLong unavailableUntil = new AtomicLong(System.nanoTime());
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    private final Counter humanClicks;
    private final Counter uniqueClicks;
    private final Counter botClicks;
    private final Counter failedClicks;
    private final Counter rejectedQueueFull;
    private final Counter rejectedUnavailable;
    private final DistributionSummary batchSizes;
    private final Timer flushes;

    ClickBatcher(ClickWriter writer, TransactionTemplate transactions, MeterRegistry meters,
            @Value("${linkledger.tracking.batch-size:256}") int batchSize,
            @Value("${linkledger.tracking.queue-capacity:10000}") int queueCapacity,
            @Value("${linkledger.tracking.flushers:1}") int flushers,
            @Value("${linkledger.tracking.unavailable-backoff:1s}") Duration backoff) {
        this.writer = writer;
        this.transactions = transactions;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.batchSize = batchSize;
        this.flushers = flushers;
        this.backoffNanos = backoff.toNanos();
        this.humanClicks = meters.counter("linkledger.clicks", "bot", "false");
        this.botClicks = meters.counter("linkledger.clicks", "bot", "true");
        this.uniqueClicks = meters.counter("linkledger.clicks.unique");
        this.failedClicks = meters.counter("linkledger.clicks.failed");
        this.rejectedQueueFull = meters.counter("linkledger.clicks.rejected", "reason", "queue_full");
        this.rejectedUnavailable = meters.counter("linkledger.clicks.rejected", "reason", "database_unavailable");
        this.batchSizes = DistributionSummary.builder("linkledger.clicks.batch.size")
                .description("Clicks per batched insert").publishPercentileHistogram().register(meters);
        this.flushes = Timer.builder("linkledger.clicks.flush")
                .description("Time to insert and commit one batch of clicks").publishPercentileHistogram()
                .register(meters);
        meters.gauge("linkledger.clicks.queue", queue, BlockingQueue::size);
    }

    @Override
    public void append(Clicked clicked, Ack ack) {
        if (!running) {
            ack.notStored(new ClickNotStored("click tracking is not running"));
        } else if (System.nanoTime() - unavailableUntil.get() < 0) {
            rejectedUnavailable.increment();
            ack.notStored(new ClickNotStored("the database was unavailable a moment ago"));
        } else if (!queue.offer(new Pending(clicked.click(), ack))) {
            rejectedQueueFull.increment();
            ack.notStored(new ClickNotStored("the click queue is full"));
        }
    }

    private void flushLoop() {
        GroupCommit.drain(queue, batchSize, () -> running, this::flush);
    }

    private void flush(List<Pending> batch) {
        List<Click> clicks = batch.stream().map(Pending::click).toList();
        long started = System.nanoTime();
        try {
            transactions.executeWithoutResult(status -> writer.write(clicks));
        } catch (RuntimeException e) {
            unavailableUntil.set(System.nanoTime() + backoffNanos);
            failedClicks.increment(clicks.size());
            log.warn("Could not store a batch of {} clicks; redirects answer 503 for {} ms: {}", clicks.size(),
                    backoffNanos / 1_000_000, e.getMessage());
            ClickNotStored reason = new ClickNotStored("the click could not be stored", e);
            for (Pending p : batch) {
                acknowledge(p, reason);
            }
            return;
        }
        flushes.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        batchSizes.record(clicks.size());
        for (Click c : clicks) {
            if (c.bot()) {
                botClicks.increment();
            } else {
                humanClicks.increment();
                if (c.unique()) {
                    uniqueClicks.increment();
                }
            }
        }
        for (Pending p : batch) {
            acknowledge(p, null);
        }
    }

    /** One request's acknowledgement; a failing one must not keep the rest of the batch waiting. */
    private static void acknowledge(Pending pending, ClickNotStored reason) {
        try {
            if (reason == null) {
                pending.ack().stored();
            } else {
                pending.ack().notStored(reason);
            }
        } catch (RuntimeException e) {
            log.warn("A click acknowledgement failed: {}", e.toString());
        }
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < flushers; i++) {
            threads.add(Thread.ofPlatform().name("click-flusher-" + i).start(this::flushLoop));
        }
    }

    /** Stops taking clicks and flushes what is queued; runs after the web server stopped. */
    @Override
    public void stop() {
        running = false;
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Below the web server's phase: started before it takes requests, stopped after it drained. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 4096;
    }
}
