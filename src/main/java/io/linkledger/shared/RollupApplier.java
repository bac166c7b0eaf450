package io.linkledger.shared;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.linkledger.shared.RollupDeltas.LinkSpan;

/**
 * Adds the deltas that a feature's write transactions queued to its report rollups, after those
 * transactions committed (docs/rollups.md). Clicks and conversions both work this way; a subclass
 * holds one feature's SQL.
 *
 * <p>Why a queue rather than adding to the rollups in the writing transaction: both write paths
 * are group commits whose callers wait for the commit (the redirect's click batches, the postback
 * batches). Adding to a rollup updates shared rows (a link's day and every later day of it, the
 * offer's day) and holds their locks until the commit, so concurrent transactions would wait for
 * each other's WAL flush, and it costs several statements per link and day. A queue row is one
 * insert that locks nothing, one batched statement per transaction. The applier then adds many
 * transactions' deltas at once, merged per link and day, off the request path.
 *
 * <p>Exact: readers call {@link #applyPending} first, so a report read after a redirect or a
 * postback was answered counts it. Exactly once: queued rows are locked, added and deleted in one
 * transaction, also when several nodes apply at once or a node dies half-way; rows left by a crash
 * are applied on start. Woken after each commit that queued something, and at least every
 * {@code interval}.
 */
public abstract class RollupApplier<K extends Comparable<K>, D extends RollupDeltas.Delta<K, D>>
        implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RollupApplier.class);
    private static final int CHUNK = 5000;

    /** A queued delta and the id of its queue row. */
    public record Queued<D>(long id, D delta) {
    }

    private final String name;
    private final TransactionTemplate transactions;
    private final long intervalMillis;
    private final Semaphore wake = new Semaphore(0);
    /** One applier per node at a time; the row locks order appliers of different nodes. */
    private final ReentrantLock applying = new ReentrantLock();
    private volatile boolean running;
    private Thread thread;

    protected RollupApplier(String name, TransactionTemplate transactions, Duration interval) {
        this.name = name;
        this.transactions = transactions;
        this.intervalMillis = interval.toMillis();
    }

    /** Whether anything is queued; locks nothing. */
    protected abstract boolean anyQueued();

    /** Queued deltas, oldest first, at most {@code limit}, locked until the transaction ends. */
    protected abstract List<Queued<D>> lockQueued(int limit);

    protected abstract void deleteQueued(List<Queued<D>> rows);

    /**
     * Adds to each link's all-time totals, creating them on its first delta; in link order. Run
     * first: the totals row is the link's lock, so the changes of one link's day rows take turns.
     */
    protected abstract void addToLinkTotals(List<LinkSpan<D>> links);

    /**
     * Adds to the links' day rows, in link and day order: a day without a row gets one, seeded with
     * the running totals of the link's latest row before it; then the day's figures go to its row and
     * the running totals to every row of the link from that day on.
     */
    protected abstract void addToLinkDays(List<D> days);

    /** Adds to the offers' day rows, creating them on an offer's first delta of a day; in offer and day order. */
    protected abstract void addToOfferDays(List<D> days);

    /** Wakes the applier once the current transaction committed (at once outside a transaction); returns at once. */
    public void wakeAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            wake();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                wake();
            }
        });
    }

    private void wake() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    /** Applies everything queued so far; readers call it so that a report counts everything committed. */
    public void applyPending() {
        if (!anyQueued()) {
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
            List<Queued<D>> queued = lockQueued(CHUNK);
            if (!queued.isEmpty()) {
                List<D> linkDays = RollupDeltas.byLinkAndDay(queued.stream().map(Queued::delta).toList());
                addToLinkTotals(RollupDeltas.byLink(linkDays));
                addToLinkDays(linkDays);
                addToOfferDays(RollupDeltas.byOfferAndDay(linkDays));
                deleteQueued(queued);
            }
            return queued.size();
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
                // The deltas stay queued and are applied on a later round.
                log.warn("Could not apply queued {} to the rollups: {}", name, e.getMessage());
            }
        }
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name(name + "-rollups").start(this::loop);
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
            log.warn("Queued {} stay for the next start: {}", name, e.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Started before and stopped after the batchers and the web server: the last writes' deltas are applied too. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 8192;
    }
}
