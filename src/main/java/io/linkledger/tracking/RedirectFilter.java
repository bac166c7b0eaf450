package io.linkledger.tracking;

import java.io.IOException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;

/**
 * {@code GET /r/{code}}: the tracking link, answered only after the click is stored.
 *
 * <p>A servlet filter ahead of everything else rather than a controller: the redirect is the
 * hottest path by far, carries no session or credentials, and Spring MVC's dispatch, content
 * negotiation and per-request observation cost more CPU than the redirect itself. Other methods
 * go on down the chain and get the usual problem answer.
 */
class RedirectFilter extends HttpFilter {

    /** Read by the browser pixel to attribute a conversion to this click. */
    static final String COOKIE = "ll_tid";
    static final String PATH_PREFIX = "/r/";

    private final Redirects redirects;
    private final RedirectMetrics metrics;
    private final boolean httpsBase;
    private final boolean trustForwardedFor;

    RedirectFilter(Redirects redirects, RedirectMetrics metrics, boolean httpsBase, boolean trustForwardedFor) {
        this.redirects = redirects;
        this.metrics = metrics;
        this.httpsBase = httpsBase;
        this.trustForwardedFor = trustForwardedFor;
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
        Redirect outcome = code == null ? new Redirect.UnknownLink() : redirects.follow(code, visit(request));
        switch (outcome) {
            case Redirect.Tracked t -> {
                found(response, t.location());
                response.setHeader(HttpHeaders.SET_COOKIE, cookie(t, request.isSecure() || httpsBase));
            }
            case Redirect.Fallback f -> found(response, f.location());
            case Redirect.OfferClosed c -> RedirectPages.offerClosed(response, c.reason());
            case Redirect.UnknownLink u -> RedirectPages.unknownLink(response);
            case Redirect.Unavailable u -> RedirectPages.unavailable(response);
        }
        metrics.answered(outcome, System.nanoTime() - started);
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

    /** Max-Age without Expires: every browser in use honours it, and no date is formatted per click. */
    private static String cookie(Redirect.Tracked t, boolean secure) {
        return COOKIE + '=' + t.transactionId() + "; Path=/; Max-Age=" + t.attributionWindowDays() * 86_400L
                + (secure ? "; HttpOnly; Secure; SameSite=None" : "; HttpOnly; SameSite=Lax");
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
