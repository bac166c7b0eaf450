package io.linkledger.tracking;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.util.HtmlUtils;

/** The small HTML pages a visitor sees when a tracking link cannot send them on. */
final class RedirectPages {

    private RedirectPages() {
    }

    static void unknownLink(HttpServletResponse response) throws IOException {
        page(response, HttpServletResponse.SC_NOT_FOUND, "Link not found",
                "This tracking link does not exist. Please check the address, or ask the person who shared it.");
    }

    static void offerClosed(HttpServletResponse response, String reason) throws IOException {
        page(response, HttpServletResponse.SC_GONE, "Offer not available", reason);
    }

    static void unavailable(HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, "5");
        page(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Temporarily unavailable",
                "We could not record your visit just now, so we have not sent you on. "
                        + "Please try the link again in a few seconds.");
    }

    private static void page(HttpServletResponse response, int status, String title, String message)
            throws IOException {
        byte[] body = html(title, message).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static String html(String title, String message) {
        String t = HtmlUtils.htmlEscape(title);
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
                <meta name="robots" content="noindex"><title>%s</title>
                <style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#222}</style>
                </head><body><h1>%s</h1><p>%s</p></body></html>
                """.formatted(t, t, HtmlUtils.htmlEscape(message));
    }
}
