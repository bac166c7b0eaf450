package io.linkledger.conversions;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One inbound request as stored: method, raw query string, the headers that matter (never
 * Authorization) and the raw body, which is only the start of it when {@code bodyTruncated} (a
 * request that failed its checks keeps no more). Parameters come from the query and a form body.
 */
record Inbound(String method, String query, Map<String, String> headers, String body, String remoteIp,
        boolean bodyTruncated) {

    static final String COOKIE_TID = "Cookie-ll_tid";

    Inbound(String method, String query, Map<String, String> headers, String body, String remoteIp) {
        this(method, query, headers, body, remoteIp, false);
    }

    /** The same request keeping at most {@code maxChars} of its body. */
    Inbound truncated(int maxChars) {
        return body == null || body.length() <= maxChars ? this
                : new Inbound(method, query, headers, body.substring(0, maxChars), remoteIp, true);
    }

    /** Query and form parameters; the first value of a repeated name wins. */
    Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>();
        pairs().forEach(pair -> params.putIfAbsent(pair.getKey(), pair.getValue()));
        return params;
    }

    /** Every query and form parameter, decoded, in the order sent (repeated names included). */
    List<Map.Entry<String, String>> pairs() {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        parse(query, pairs);
        String type = header("Content-Type");
        if (body != null && type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            parse(body, pairs);
        }
        return pairs;
    }

    String header(String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    String headerText() {
        StringBuilder out = new StringBuilder();
        headers.forEach((k, v) -> out.append(k).append(": ").append(v).append('\n'));
        return out.toString();
    }

    static Map<String, String> parseHeaders(String text) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (text != null) {
            for (String line : text.split("\n")) {
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    headers.put(line.substring(0, colon), line.substring(colon + 2));
                }
            }
        }
        return headers;
    }

    private static void parse(String text, List<Map.Entry<String, String>> into) {
        if (text == null || text.isEmpty()) {
            return;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            into.add(Map.entry(name, value));
        }
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
