package io.linkledger.tracking;

import java.nio.charset.StandardCharsets;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/** The small HTML pages a visitor sees when a tracking link cannot send them on. */
final class RedirectPages {

    private RedirectPages() {
    }

    static ResponseEntity<String> unknownLink() {
        return page(HttpStatus.NOT_FOUND, "Link not found",
                "This tracking link does not exist. Please check the address, or ask the person who shared it.");
    }

    static ResponseEntity<String> offerClosed(String reason) {
        return page(HttpStatus.GONE, "Offer not available", reason);
    }

    static ResponseEntity<String> unavailable() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "5")
                .cacheControl(CacheControl.noStore())
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(html("Temporarily unavailable",
                        "We could not record your visit just now, so we have not sent you on. "
                                + "Please try the link again in a few seconds."));
    }

    private static ResponseEntity<String> page(HttpStatus status, String title, String message) {
        return ResponseEntity.status(status)
                .cacheControl(CacheControl.noStore())
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(html(title, message));
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
