package io.linkledger.tracking;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves queued click counts (see V51) into the rollups: woken after each click batch commits,
 * and at least every {@code linkledger.tracking.rollup-interval}. Queued rows are locked, added
 * and deleted in one transaction, so each count lands exactly once, also when several nodes
 * apply at the same time or a node dies half-way. Rows left by a crash are applied on start.
 */
@Component
class ClickRollupApplier implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClickRollupApplier.class);
    private static final int CHUNK = 5000;

    private final ClickRollupStore store;
    private final TransactionTemplate transactions;
    private final long intervalMillis;
    private final Semaphore wake = new Semaphore(0);
    /** One applier per node at a time; the row locks order appliers of different nodes. */
    private final ReentrantLock applying = new ReentrantLock();
    private volatile boolean running;
    private Thread thread;

    ClickRollupApplier(ClickRollupStore store, TransactionTemplate transactions,
            @Value("${linkledger.tracking.rollup-interval:1s}") Duration interval) {
        this.store = store;
        this.transactions = transactions;
        this.intervalMillis = interval.toMillis();
    }

    /** Asks for the queue to be applied soon; returns at once. */
    void wake() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    /** Applies everything queued so far; readers call it so that a report includes every stored click. */
    void applyPending() {
        if (!store.anyQueued()) {
            return;
        }
        applying.lock();
        try {
            while (applyChunk() == CHUNK) {
                // more queued than one chunk: go on
            }
        } finally {
            applying.unlock();
        }
    }

    private int applyChunk() {
        Integer applied = transactions.execute(status -> {
            List<ClickRollupStore.Queued> rows = store.lockQueued(CHUNK);
            if (!rows.isEmpty()) {
                store.addToRollup(rows.stream().map(ClickRollupStore.Queued::delta).toList());
                store.deleteQueued(rows);
            }
            return rows.size();
        });
        return applied == null ? 0 : applied;
    }

    private void loop() {
        while (running) {
            try {
                applyPending();
                wake.tryAcquire(intervalMillis, TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The counts stay queued and are applied on a later round.
                log.warn("Could not apply queued click counts to the rollups: {}", e.getMessage());
            }
        }
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("click-rollups").start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        wake.release();
        try {
            thread.join(Duration.ofSeconds(30));
            applyPending();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Queued click counts stay for the next start: {}", e.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the click batcher, which stops after the web server: the last clicks' counts are applied too. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 8192;
    }
}
