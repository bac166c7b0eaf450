package io.linkledger.conversions;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import io.linkledger.shared.ProblemException;

/** The public edge for conversions: server postbacks, shop webhooks and the browser pixel. */
@RestController
class InboundController {

    private static final int MAX_BODY = 1 << 20;
    private static final List<String> KEPT_HEADERS = List.of("Content-Type", "User-Agent", "X-Shopify-Topic",
            "X-Shopify-Hmac-Sha256", "X-Shopify-Webhook-Id", "X-Shopify-Shop-Domain", "X-Shopify-Triggered-At");
    private static final byte[] GIF = Base64.getDecoder()
            .decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private final Intake intake;

    InboundController(Intake intake) {
        this.intake = intake;
    }

    record PostbackResponse(UUID conversionId, ConversionStatus status, boolean duplicate) {
    }

    @RequestMapping(path = "/postback/{key}", method = {RequestMethod.GET, RequestMethod.POST})
    PostbackResponse postback(@PathVariable String key, HttpServletRequest request) {
        Intake.Result result = intake.receive(key, List.of(IntegrationType.POSTBACK, IntegrationType.SHAREASALE),
                inbound(request, null), request.getHeader("Authorization"));
        return new PostbackResponse(result.conversionId(), result.status(),
                result.outcome() == InboundRequest.Outcome.DUPLICATE);
    }

    @PostMapping("/webhooks/shopify/{key}")
    Map<String, Object> shopify(@PathVariable String key, HttpServletRequest request) {
        Intake.Result result = intake.receive(key, List.of(IntegrationType.SHOPIFY), inbound(request, null), null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("conversionId", result.conversionId());
        body.put("status", result.status());
        body.put("outcome", result.outcome());
        if (result.reason() != null) {
            body.put("reason", result.reason());
        }
        return body;
    }

    @GetMapping("/px/{key}.gif")
    ResponseEntity<byte[]> pixel(@PathVariable String key, HttpServletRequest request) {
        intake.receive(key, List.of(IntegrationType.PIXEL), inbound(request, cookie(request, "ll_tid")), null);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_GIF).cacheControl(CacheControl.noStore()).body(GIF);
    }

    private static Inbound inbound(HttpServletRequest request, String tid) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : KEPT_HEADERS) {
            String value = request.getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        if (tid != null) {
            headers.put(Inbound.COOKIE_TID, tid);
        }
        return new Inbound(request.getMethod(), request.getQueryString(), headers, body(request),
                request.getRemoteAddr());
    }

    private static String body(HttpServletRequest request) {
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw ProblemException.badRequest("The request body is larger than 1 MiB");
            }
            String type = request.getContentType();
            if (bytes.length == 0 && type != null && type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)
                    && !request.getParameterMap().isEmpty()) {
                // Something read the form before us; rebuild it from the parsed parameters.
                return formFrom(request.getParameterMap());
            }
            return bytes.length == 0 ? null : new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ProblemException.badRequest("The request body could not be read");
        }
    }

    private static String formFrom(Map<String, String[]> params) {
        StringBuilder out = new StringBuilder();
        params.forEach((name, values) -> {
            for (String value : values) {
                if (!out.isEmpty()) {
                    out.append('&');
                }
                out.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return out.toString();
    }

    private static String cookie(HttpServletRequest request, String name) {
        if (request.getCookies() == null) {
            return null;
        }
        for (Cookie cookie : request.getCookies()) {
            if (name.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }
}
