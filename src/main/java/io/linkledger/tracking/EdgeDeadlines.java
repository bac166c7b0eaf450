package io.linkledger.tracking;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * The acknowledgement deadlines of one event loop's tracking-link answers still waiting for their
 * click to be stored: one timer for the loop instead of a scheduled task per request. The timeout
 * is the same for every request and they wait in the order they came, so the first one waiting is
 * always the first one due; answers given meanwhile leave from the front. Used on its loop only.
 */
final class EdgeDeadlines implements Runnable {

    private final EventLoop loop;
    private final long timeoutNanos;
    private final ArrayDeque<EdgeAnswer> waiting = new ArrayDeque<>();
    private ScheduledFuture<?> timer;

    EdgeDeadlines(EventLoop loop, long timeoutMillis) {
        this.loop = loop;
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    }

    /** {@code answer} gets the 503 page unless it is given within the timeout from its start. */
    void await(EdgeAnswer answer) {
        waiting.add(answer);
        if (timer == null) {
            arm(answer);
        }
    }

    /** Lets the answers given so far leave; called after each answer, so the queue holds only the waiting. */
    void given() {
        while (!waiting.isEmpty() && waiting.peek().isGiven()) {
            waiting.poll();
        }
    }

    /** The timer: every answer past its deadline gets the 503 page, then the timer is set for the next one. */
    @Override
    public void run() {
        timer = null;
        long now = System.nanoTime();
        given();
        EdgeAnswer first;
        while ((first = waiting.peek()) != null && now - deadline(first) >= 0) {
            waiting.poll();
            first.accept(new Redirect.Unavailable());
            given();
        }
        if (first != null) {
            arm(first);
        }
    }

    private void arm(EdgeAnswer first) {
        timer = loop.schedule(this, Math.max(0, deadline(first) - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private long deadline(EdgeAnswer answer) {
        return answer.started() + timeoutNanos;
    }
}
