package io.linkledger.shared;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Response headers for pages reached through a secret in the URL (dashboard links, portal
 * sign-in links): keep them out of search engines and out of other sites' Referer headers,
 * and let the browser run only our own scripts.
 */
public final class HtmlPages {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    private HtmlPages() {
    }

    public static void privatePage(HttpServletResponse response) {
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Cache-Control", "no-store");
    }
}
