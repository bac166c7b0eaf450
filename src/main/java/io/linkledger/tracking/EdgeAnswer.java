package io.linkledger.tracking;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * One tracking-link request's answer on the edge, given exactly once: by the redirect rules at
 * once, by the click sink's flusher after the commit, or by the acknowledgement timeout. The 302
 * is built ahead on the event loop; the flusher only queues this object back to the connection's
 * event loop, which wakes once for all the answers a batch hands it, not once per request.
 */
final class EdgeAnswer implements Redirects.Answer, Runnable {

    private static final VarHandle GIVEN;

    static {
        try {
            GIVEN = MethodHandles.lookup().findVarHandle(EdgeAnswer.class, "given", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final EdgeConnection connection;
    private final EventLoop loop;
    private final RedirectMetrics metrics;
    private final boolean secure;
    private final long started;
    /** The fields below are written and read on the event loop, or handed to it by {@code execute}. */
    private Redirect.Tracked ahead;
    private FullHttpResponse prepared;
    private Redirect outcome;
    private ScheduledFuture<?> timeout;
    @SuppressWarnings("unused") // through GIVEN
    private volatile boolean given;

    EdgeAnswer(EdgeConnection connection, EventLoop loop, RedirectMetrics metrics, boolean secure, long started) {
        this.connection = connection;
        this.loop = loop;
        this.metrics = metrics;
        this.secure = secure;
        this.started = started;
    }

    @Override
    public void ahead(Redirect.Tracked tracked) {
        prepared = EdgeResponses.tracked(tracked, secure);
        ahead = tracked;
    }

    @Override
    public void accept(Redirect outcome) {
        if (!GIVEN.compareAndSet(this, false, true)) {
            return;
        }
        this.outcome = outcome;
        if (loop.inEventLoop()) {
            run();
        } else {
            loop.execute(this);
        }
    }

    /** Called on the event loop once the redirect rules returned: a click still being stored gets a deadline. */
    void awaitStored(long timeoutMillis) {
        if (!given) {
            timeout = loop.schedule(() -> accept(new Redirect.Unavailable()), timeoutMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** On the event loop: writes the answer. */
    @Override
    public void run() {
        if (timeout != null) {
            timeout.cancel(false);
        }
        // Counted before it is written, so that whoever reads the metric after the answer sees it.
        metrics.answered(outcome, System.nanoTime() - started);
        connection.answer(outcome == ahead ? prepared : EdgeResponses.of(outcome, secure));
    }
}
