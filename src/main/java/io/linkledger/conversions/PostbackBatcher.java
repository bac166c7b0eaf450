package io.linkledger.conversions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.linkledger.conversions.PostbackBatch.Received;
import io.linkledger.shared.GroupCommit;
import io.linkledger.shared.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Group commit for postbacks. Requests queue their received postback and wait; a flusher takes
 * everything queued (up to the batch size) and handles it as one {@link PostbackBatch} in one
 * transaction, so concurrent postbacks share the statements and the commit's WAL flush. Each
 * request is answered only after that commit, with its own outcome.
 *
 * <p>If the batch fails as a whole (a database error, a concurrent twin taking a key, even an
 * {@link Error}), it rolls back and every request in it is processed on its own instead, as without
 * batching: stored first, then processed, a failure recorded on its row. So is a postback that
 * finds the queue full or the batcher stopped. The flusher outlives any failure of a batch; should
 * its thread end all the same (interrupted), health is DOWN ({@link PostbackIntakeHealth}) until
 * the next postback starts a new one.
 */
@Component
class PostbackBatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PostbackBatcher.class);
    /** No decision from a batch: the postback is to be processed on its own. */
    private static final Optional<Decision> ALONE = Optional.empty();

    private record Waiting(Received received, CompletableFuture<Optional<Decision>> handled) {
    }

    private final PostbackBatch batch;
    private final TransactionTemplate transactions;
    private final BlockingQueue<Waiting> queue;
    private final int batchSize;
    private final long ackTimeoutNanos;
    private final DistributionSummary batchSizes;
    private final Timer flushes;
    private final Counter restarts;
    private volatile Thread flusher;
    private volatile boolean running;

    PostbackBatcher(PostbackBatch batch, TransactionTemplate transactions, MeterRegistry meters,
            @Value("${linkledger.postbacks.batch-size:256}") int batchSize,
            @Value("${linkledger.postbacks.queue-capacity:10000}") int queueCapacity,
            @Value("${linkledger.postbacks.ack-timeout:10s}") Duration ackTimeout) {
        this.batch = batch;
        this.transactions = transactions;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.batchSize = batchSize;
        this.ackTimeoutNanos = ackTimeout.toNanos();
        this.batchSizes = DistributionSummary.builder("linkledger.postbacks.batch.size")
                .description("Postbacks handled per batch").register(meters);
        this.flushes = Timer.builder("linkledger.postbacks.flush")
                .description("Time to handle and commit one batch of postbacks").register(meters);
        this.restarts = Counter.builder("linkledger.postbacks.flusher.restarts")
                .description("Times the postback flusher had stopped and was started again").register(meters);
        meters.gauge("linkledger.postbacks.queue", queue, BlockingQueue::size);
    }

    /**
     * The postback's decision once its batch committed, or empty when it is to be processed on its
     * own (the queue is full, the batcher stopped, or its batch failed and rolled back); a 503
     * problem if that takes longer than the acknowledgement timeout, as nothing is confirmed then.
     */
    Optional<Decision> submit(Received received) {
        Waiting waiting = new Waiting(received, new CompletableFuture<>());
        restartIfStopped();
        if (!running || !queue.offer(waiting)) {
            return ALONE;
        }
        restartIfStopped(); // in case the flusher ended between the check and the offer
        try {
            return waiting.handled().get(ackTimeoutNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "The postback was not confirmed in time; "
                    + "send it again (a repeat is answered with the same conversion, never counted twice)");
        } catch (ExecutionException e) {
            throw new IllegalStateException("Postback batch failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the postback's batch", e);
        }
    }

    /** Whether postbacks are being taken and a flusher is there to commit them. */
    boolean flushing() {
        Thread current = flusher;
        return running && current != null && current.isAlive();
    }

    /** The thread committing batches now; tests stop it to see the batcher recover. */
    Thread flusherThread() {
        return flusher;
    }

    /** Starts a new flusher when the last one ended while postbacks are still taken. */
    private void restartIfStopped() {
        if (!running || flushing()) {
            return;
        }
        synchronized (this) {
            if (running && !flushing()) {
                log.error("The postback flusher had stopped; starting a new one");
                restarts.increment();
                startFlusher();
            }
        }
    }

    private void startFlusher() {
        flusher = Thread.ofPlatform().name("postback-flusher").start(this::flushLoop);
    }

    /**
     * Drains the queue until stopped. A failure outside a batch is logged and the loop goes on; an
     * interrupt ends the thread, handing back whatever still waits to be processed on its own.
     */
    private void flushLoop() {
        while (running && !Thread.currentThread().isInterrupted()) {
            try {
                GroupCommit.drain(queue, batchSize, () -> running, this::flush);
            } catch (Throwable t) {
                log.error("The postback flusher failed outside a batch; it goes on", t);
            }
        }
        if (running) {
            log.error("The postback flusher was interrupted and stops; the next postback starts a new one");
            List<Waiting> left = new ArrayList<>();
            queue.drainTo(left);
            left.forEach(w -> w.handled().complete(ALONE));
        }
    }

    private void flush(List<Waiting> waiting) {
        long started = System.nanoTime();
        List<Decision> decided;
        try {
            decided = transactions.execute(tx -> batch.handle(waiting.stream().map(Waiting::received).toList()));
        } catch (Throwable t) {
            // Whatever it was, even an Error: the batch rolled back and the flusher must go on.
            log.warn("A batch of {} postbacks failed and rolled back; each is processed on its own: {}",
                    waiting.size(), t.toString());
            waiting.forEach(w -> w.handled().complete(ALONE));
            return;
        }
        flushes.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        batchSizes.record(waiting.size());
        for (int i = 0; i < waiting.size(); i++) {
            waiting.get(i).handled().complete(Optional.of(decided.get(i)));
        }
    }

    @Override
    public void start() {
        running = true;
        startFlusher();
    }

    /** Stops taking postbacks and handles what is queued; runs after the web server stopped. */
    @Override
    public void stop() {
        running = false;
        try {
            flusher.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Waiting> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(w -> w.handled().complete(ALONE));
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
