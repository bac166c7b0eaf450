package io.linkledger.tracking;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /r/{code}}: the tracking link. Answers only after the click is stored. */
@RestController
class RedirectController {

    /** Read by the browser pixel to attribute a conversion to this click. */
    static final String COOKIE = "ll_tid";

    private final Redirects redirects;
    private final boolean httpsBase;
    private final boolean trustForwardedFor;

    RedirectController(Redirects redirects, @Value("${linkledger.base-url}") String baseUrl,
            @Value("${linkledger.tracking.trust-forwarded-for:false}") boolean trustForwardedFor) {
        this.redirects = redirects;
        this.httpsBase = baseUrl.regionMatches(true, 0, "https:", 0, 6);
        this.trustForwardedFor = trustForwardedFor;
    }

    @GetMapping("/r/{code}")
    ResponseEntity<String> follow(@PathVariable String code, @RequestParam(name = "url", required = false) String url,
            HttpServletRequest request) {
        Visit visit = new Visit(clientIp(request), request.getHeader(HttpHeaders.USER_AGENT),
                request.getHeader(HttpHeaders.REFERER), url);
        return switch (redirects.follow(code, visit)) {
            case Redirect.Tracked t -> ResponseEntity.status(HttpStatus.FOUND)
                    .header(HttpHeaders.LOCATION, t.location())
                    .header(HttpHeaders.SET_COOKIE, cookie(t, request.isSecure() || httpsBase).toString())
                    .cacheControl(CacheControl.noStore())
                    .build();
            case Redirect.Fallback f -> ResponseEntity.status(HttpStatus.FOUND)
                    .header(HttpHeaders.LOCATION, f.location())
                    .cacheControl(CacheControl.noStore())
                    .build();
            case Redirect.OfferClosed c -> RedirectPages.offerClosed(c.reason());
            case Redirect.UnknownLink u -> RedirectPages.unknownLink();
            case Redirect.Unavailable u -> RedirectPages.unavailable();
        };
    }

    private static ResponseCookie cookie(Redirect.Tracked t, boolean secure) {
        return ResponseCookie.from(COOKIE, t.transactionId())
                .path("/")
                .maxAge(Duration.ofDays(t.attributionWindowDays()))
                .httpOnly(true)
                .secure(secure)
                .sameSite(secure ? "None" : "Lax")
                .build();
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
