package io.linkledger.shared;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Response headers for pages reached through a secret in the URL (dashboard links, portal
 * sign-in links): keep them out of search engines and out of other sites' Referer headers,
 * and let the browser run only our own scripts.
 */
public final class HtmlPages {

    /**
     * The one inline style allowed is the body style of our own emails, by its hash, so the
     * console can preview an email in a {@code srcdoc} frame (which inherits this policy).
     */
    public static final String EMAIL_BODY_STYLE_HASH = "'sha256-0CIf/3dwUfUR/mHqa0pAw8wjfR6Y+F6gCqgyzhQv3Fg='";

    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-hashes' " + EMAIL_BODY_STYLE_HASH + "; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    private HtmlPages() {
    }

    public static void privatePage(HttpServletResponse response) {
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Cache-Control", "no-store");
    }
}
