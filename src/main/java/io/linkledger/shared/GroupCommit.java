package io.linkledger.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** The loop of a group-commit flusher, shared by the click and postback batchers. */
public final class GroupCommit {

    private GroupCommit() {
    }

    /**
     * Hands everything queued, up to {@code batchSize} at a time, to {@code flush}; a batch gathers
     * while the one before it commits. Returns when stopped and the queue is empty, or interrupted.
     */
    public static <T> void drain(BlockingQueue<T> queue, int batchSize, BooleanSupplier running,
            Consumer<List<T>> flush) {
        List<T> batch = new ArrayList<>(batchSize);
        while (running.getAsBoolean() || !queue.isEmpty()) {
            try {
                T first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchSize - 1);
                flush.accept(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }
}
