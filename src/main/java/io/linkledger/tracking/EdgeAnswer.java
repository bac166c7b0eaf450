package io.linkledger.tracking;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import io.netty.channel.EventLoop;

/**
 * One tracking-link request's answer on the edge, given exactly once: by the redirect rules at
 * once, by the click sink's flusher after the commit, or by the loop's {@link EdgeDeadlines}. The
 * flusher only queues this object back to the connection's event loop, which wakes once for all
 * the answers a batch hands it, not once per request, and writes each there.
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
    /** Written before the answer is handed to the event loop by {@code execute}, read there. */
    private Redirect outcome;
    @SuppressWarnings("unused") // through GIVEN
    private volatile boolean given;

    EdgeAnswer(EdgeConnection connection, EventLoop loop, RedirectMetrics metrics, boolean secure, long started) {
        this.connection = connection;
        this.loop = loop;
        this.metrics = metrics;
        this.secure = secure;
        this.started = started;
    }

    /** Nothing to prepare: the 302 is encoded on the event loop when it is written, in one pass. */
    @Override
    public void ahead(Redirect.Tracked tracked) {
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

    boolean isGiven() {
        return given;
    }

    long started() {
        return started;
    }

    /** Called on the event loop once the redirect rules returned: a click still being stored gets a deadline. */
    void awaitStored() {
        if (!given) {
            connection.deadlines().await(this);
        }
    }

    /** On the event loop: writes the answer. */
    @Override
    public void run() {
        // Counted before it is written, so that whoever reads the metric after the answer sees it.
        metrics.answered(outcome, System.nanoTime() - started);
        switch (outcome) {
            case Redirect.Tracked t -> connection.answerFound(t.location(), RedirectPages.cookie(t, secure));
            case Redirect.Fallback f -> connection.answerFound(f.location(), null);
            case Redirect.OfferClosed c -> connection.answer(EdgeResponses.page(RedirectPages.offerClosed(c.reason())));
            case Redirect.UnknownLink u -> connection.answer(EdgeResponses.page(RedirectPages.UNKNOWN_LINK));
            case Redirect.Unavailable u -> connection.answer(EdgeResponses.page(RedirectPages.UNAVAILABLE));
        }
        connection.deadlines().given();
    }
}
