package io.linkledger.conversions;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.http.HttpStatus;

import io.linkledger.shared.ProblemException;
import io.linkledger.shared.Tokens;

/** Hash, HMAC and HTTP Basic checks of inbound requests, compared in constant time. */
final class Signatures {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Signatures() {
    }

    /**
     * ShareASale's hash as Linkledger has always checked it: the hex digest of the secret followed
     * by transID, orderNumber, amountOfSale and commission exactly as sent (a missing one adds
     * nothing). ShareASale publishes no recipe (docs/integrations/shareasale.md says what this
     * covers and what it does not).
     */
    static String shareAsaleHash(String algorithm, String secret, String transId, String orderNumber,
            String amountOfSale, String commission) {
        return hexDigest(algorithm, secret + nz(transId) + nz(orderNumber) + nz(amountOfSale) + nz(commission));
    }

    /**
     * The legacy hash of generic postbacks: the hex digest of the secret followed by transaction_id,
     * order_id and amount, without separators. Kept for integrations that used it; it lets a
     * character move between order_id and amount and covers no other field.
     */
    static String postbackHash(String algorithm, String secret, String transactionId, String orderId, String amount) {
        return hexDigest(algorithm, secret + nz(transactionId) + nz(orderId) + nz(amount));
    }

    /**
     * The text a generic postback's HMAC_SHA256 signature covers: every parameter but the
     * signature itself, each name and value percent-encoded as RFC 3986 says (UTF-8; letters,
     * digits and {@code -._~} kept, everything else as %XX in upper case), the pairs sorted by
     * encoded name, then encoded value (byte order), and joined as {@code name=value} with {@code &}. Encoded, a value cannot hide a {@code &} or
     * {@code =}, so no two different sets of parameters give the same text (OAuth 1.0a's
     * parameter normalisation, RFC 5849 section 3.4.1.3.2, works the same way).
     */
    static String canonical(List<Map.Entry<String, String>> params, String signatureName) {
        return params.stream()
                .filter(p -> !p.getKey().equals(signatureName))
                .map(p -> Map.entry(percentEncode(p.getKey()), percentEncode(p.getValue())))
                .sorted(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()))
                .map(p -> p.getKey() + "=" + p.getValue())
                .collect(Collectors.joining("&"));
    }

    /** RFC 3986 percent-encoding of the UTF-8 bytes: unreserved characters kept, hex digits in upper case. */
    static String percentEncode(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    /** Lower-case hex HMAC-SHA256 of the UTF-8 text, keyed with the UTF-8 secret. */
    static String hmacSha256Hex(String secret, String text) {
        return HexFormat.of().formatHex(hmacSha256(secret, text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Lower-case hex digest of the UTF-8 text; {@code algorithm} is MD5 or SHA256. */
    static String hexDigest(String algorithm, String text) {
        try {
            String jca = "SHA256".equals(algorithm) ? "SHA-256" : "MD5";
            return HexFormat.of().formatHex(MessageDigest.getInstance(jca).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Base64 HMAC-SHA256 of exactly these bytes, as Shopify signs webhooks. */
    static String hmacSha256Base64(String secret, byte[] body) {
        return Base64.getEncoder().encodeToString(hmacSha256(secret, body));
    }

    private static byte[] hmacSha256(String secret, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Checks an {@code Authorization: Basic} header against the expected user and the SHA-256 of
     * the expected password; a 401 problem when it is missing, malformed or wrong.
     */
    static void checkBasic(String user, String passwordHash, String authorization) {
        String given = null;
        String password = null;
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                given = colon < 0 ? decoded : decoded.substring(0, colon);
                password = colon < 0 ? "" : decoded.substring(colon + 1);
            } catch (IllegalArgumentException e) {
                given = null;
            }
        }
        if (given == null || !same(user, given) || !same(passwordHash, Tokens.sha256(password))) {
            throw unauthorized("HTTP Basic credentials are missing or wrong for this integration");
        }
    }

    /** Whether the two are equal, in time that does not depend on where they differ. */
    static boolean same(String expected, String given) {
        if (given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    /** {@link #same} for a hex digest, whatever case and surrounding spaces the caller sent. */
    static boolean sameHex(String expected, String given) {
        return given != null && same(expected, given.trim().toLowerCase(Locale.ROOT));
    }

    static ProblemException unauthorized(String detail) {
        return new ProblemException(HttpStatus.UNAUTHORIZED, detail);
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
