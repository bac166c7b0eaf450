package io.linkledger.tracking;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;

/**
 * {@code GET /r/{code}}: the tracking link, answered only after the click is stored.
 *
 * <p>A servlet filter ahead of everything else rather than a controller: the redirect is the
 * hottest path by far, carries no session or credentials, and Spring MVC's dispatch, content
 * negotiation and per-request observation cost more CPU than the redirect itself. Other methods
 * go on down the chain and get the usual problem answer.
 *
 * <p>The request goes asynchronous instead of parking a thread until its click commits: the
 * filter writes the 302's headers ahead (nothing is sent before the request completes) and
 * returns, and the click sink's flusher completes the request right after the commit, for a
 * whole batch in one pass. The flusher is one thread, so it does no more per click than that.
 * If the click is not stored, the prepared answer is reset and the 503 page written instead; if
 * no answer comes within the acknowledgement timeout, the container's timeout gives that page.
 */
class RedirectFilter extends HttpFilter {

    private static final Logger log = LoggerFactory.getLogger(RedirectFilter.class);

    static final String PATH_PREFIX = "/r/";

    private final Redirects redirects;
    private final RedirectMetrics metrics;
    private final boolean httpsBase;
    private final boolean trustForwardedFor;
    private final long ackTimeoutMillis;

    RedirectFilter(Redirects redirects, RedirectMetrics metrics, boolean httpsBase, boolean trustForwardedFor,
            long ackTimeoutMillis) {
        this.redirects = redirects;
        this.metrics = metrics;
        this.httpsBase = httpsBase;
        this.trustForwardedFor = trustForwardedFor;
        this.ackTimeoutMillis = ackTimeoutMillis;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            chain.doFilter(request, response);
            return;
        }
        long started = System.nanoTime();
        String code = code(request);
        if (code == null) {
            RedirectPages.write(response, RedirectPages.UNKNOWN_LINK);
            metrics.answered(new Redirect.UnknownLink(), System.nanoTime() - started);
            return;
        }
        AsyncContext async = request.startAsync();
        Answer answer = new Answer(async, response, request.isSecure() || httpsBase, started);
        async.setTimeout(ackTimeoutMillis);
        async.addListener(answer);
        redirects.follow(code, visit(request), answer);
    }

    /**
     * One request's answer, given exactly once: by the redirect rules at once, by the click sink
     * after the commit, or by the container when the timeout or a broken connection comes first.
     * Once given, the request is complete and its objects belong to the container again, so a later
     * acknowledgement must not touch them.
     */
    private final class Answer implements Redirects.Answer, AsyncListener {

        private static final VarHandle GIVEN;

        static {
            try {
                GIVEN = MethodHandles.lookup().findVarHandle(Answer.class, "given", boolean.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private final AsyncContext async;
        private final HttpServletResponse response;
        private final boolean secure;
        private final long started;
        /** Written ahead on the request's thread; read after the sink's hand-off, which orders it. */
        private Redirect.Tracked ahead;
        @SuppressWarnings("unused") // through GIVEN
        private volatile boolean given;

        Answer(AsyncContext async, HttpServletResponse response, boolean secure, long started) {
            this.async = async;
            this.response = response;
            this.secure = secure;
            this.started = started;
        }

        @Override
        public void ahead(Redirect.Tracked tracked) {
            tracked(response, tracked, secure);
            ahead = tracked;
        }

        @Override
        public void accept(Redirect outcome) {
            if (!GIVEN.compareAndSet(this, false, true)) {
                return;
            }
            try {
                if (outcome != ahead) {
                    if (ahead != null) {
                        response.reset();
                    }
                    write(response, outcome, secure);
                }
            } catch (IOException | RuntimeException e) {
                log.debug("Could not write a redirect answer: {}", e.getMessage());
            } finally {
                async.complete();
            }
            metrics.answered(outcome, System.nanoTime() - started);
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            accept(new Redirect.Unavailable());
        }

        /** The connection broke first: nothing to write to, only the request to end. */
        @Override
        public void onError(AsyncEvent event) {
            if (GIVEN.compareAndSet(this, false, true)) {
                async.complete();
            }
        }

        @Override
        public void onComplete(AsyncEvent event) {
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }
    }

    private static void write(HttpServletResponse response, Redirect outcome, boolean secure) throws IOException {
        switch (outcome) {
            case Redirect.Tracked t -> tracked(response, t, secure);
            case Redirect.Fallback f -> found(response, f.location());
            case Redirect.OfferClosed c -> RedirectPages.write(response, RedirectPages.offerClosed(c.reason()));
            case Redirect.UnknownLink u -> RedirectPages.write(response, RedirectPages.UNKNOWN_LINK);
            case Redirect.Unavailable u -> RedirectPages.write(response, RedirectPages.UNAVAILABLE);
        }
    }

    private static void tracked(HttpServletResponse response, Redirect.Tracked tracked, boolean secure) {
        found(response, tracked.location());
        response.setHeader(HttpHeaders.SET_COOKIE, RedirectPages.cookie(tracked, secure));
    }

    /** The one path segment after {@code /r/}; null for {@code /r}, {@code /r/} and deeper paths. */
    private static String code(HttpServletRequest request) {
        String uri = request.getRequestURI();
        int start = request.getContextPath().length() + PATH_PREFIX.length();
        if (uri.length() <= start || uri.indexOf('/', start) >= 0) {
            return null;
        }
        return uri.substring(start);
    }

    private static void found(HttpServletResponse response, String location) {
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader(HttpHeaders.LOCATION, location);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentLength(0);
    }

    private Visit visit(HttpServletRequest request) {
        return new Visit(clientIp(request), request.getHeader(HttpHeaders.USER_AGENT),
                request.getHeader(HttpHeaders.REFERER),
                request.getQueryString() == null ? null : request.getParameter("url"));
    }

    /** Behind a proxy the client is the first X-Forwarded-For entry, when the operator trusts it. */
    private String clientIp(HttpServletRequest request) {
        if (trustForwardedFor) {
            String forwarded = request.getHeader("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                int comma = forwarded.indexOf(',');
                return (comma < 0 ? forwarded : forwarded.substring(0, comma)).trim();
            }
        }
        return request.getRemoteAddr();
    }
}
