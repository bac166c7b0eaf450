package io.linkledger.tracking;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.util.HtmlUtils;

/**
 * What a tracking link answers besides the 302's destination: the small HTML pages a visitor sees
 * when the link cannot send them on, and the click's cookie. Shared by the servlet filter and the
 * event-loop edge, so both answer byte for byte alike.
 */
final class RedirectPages {

    /** Read by the browser pixel to attribute a conversion to this click. */
    static final String COOKIE = "ll_tid";

    /** A page: its status, its HTML, and whether the visitor should retry in a few seconds. */
    record Page(int status, byte[] html, boolean retry) {

        static final String CONTENT_TYPE = "text/html;charset=UTF-8";
        static final String RETRY_AFTER_SECONDS = "5";
    }

    static final Page UNKNOWN_LINK = page(HttpServletResponse.SC_NOT_FOUND, "Link not found",
            "This tracking link does not exist. Please check the address, or ask the person who shared it.", false);

    static final Page UNAVAILABLE = page(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Temporarily unavailable",
            "We could not record your visit just now, so we have not sent you on. "
                    + "Please try the link again in a few seconds.", true);

    private RedirectPages() {
    }

    static Page offerClosed(String reason) {
        return page(HttpServletResponse.SC_GONE, "Offer not available", reason, false);
    }

    /** The attributes after the transaction id, for one attribution window and scheme. */
    private record CookieAttributes(int days, boolean secure, String text) {

        static CookieAttributes of(int days, boolean secure) {
            return new CookieAttributes(days, secure, "; Path=/; Max-Age=" + days * 86_400L
                    + (secure ? "; HttpOnly; Secure; SameSite=None" : "; HttpOnly; SameSite=Lax"));
        }
    }

    /**
     * The last attributes made: clicks mostly come through offers with the same window, so their
     * text is made again only when the window or scheme changes (formatting the number was 2 % of
     * the edge's time per click).
     */
    private static volatile CookieAttributes lastAttributes = CookieAttributes.of(0, false);

    /** Max-Age without Expires: every browser in use honours it, and no date is formatted per click. */
    static String cookie(Redirect.Tracked t, boolean secure) {
        CookieAttributes attributes = lastAttributes;
        if (attributes.days() != t.attributionWindowDays() || attributes.secure() != secure) {
            attributes = CookieAttributes.of(t.attributionWindowDays(), secure);
            lastAttributes = attributes;
        }
        return COOKIE + '=' + t.transactionId() + attributes.text();
    }

    static void write(HttpServletResponse response, Page page) throws IOException {
        response.setStatus(page.status());
        if (page.retry()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Page.RETRY_AFTER_SECONDS);
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentType(Page.CONTENT_TYPE);
        response.setContentLength(page.html().length);
        response.getOutputStream().write(page.html());
    }

    private static Page page(int status, String title, String message, boolean retry) {
        String t = HtmlUtils.htmlEscape(title);
        String html = """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
                <meta name="robots" content="noindex"><title>%s</title>
                <style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#222}</style>
                </head><body><h1>%s</h1><p>%s</p></body></html>
                """.formatted(t, t, HtmlUtils.htmlEscape(message));
        return new Page(status, html.getBytes(StandardCharsets.UTF_8), retry);
    }
}
