package io.linkledger.security;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.function.Supplier;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import io.linkledger.shared.Tokens;

/**
 * Metrics (every brand's figures) are read with {@code Authorization: Bearer <token>}, the token
 * being {@code LINKLEDGER_METRICS_TOKEN}. Without a configured token nobody reads them.
 */
final class MetricsToken implements AuthorizationManager<RequestAuthorizationContext> {

    private final byte[] expectedHash;

    MetricsToken(String token) {
        this.expectedHash = token == null || token.isBlank() ? null : hash(token.trim());
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
            RequestAuthorizationContext context) {
        String header = context.getRequest().getHeader(HttpHeaders.AUTHORIZATION);
        boolean bearer = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
        return new AuthorizationDecision(expectedHash != null && bearer
                && MessageDigest.isEqual(expectedHash, hash(header.substring(7).trim())));
    }

    // Hashes compared in constant time: how long the comparison takes tells nothing about the token.
    private static byte[] hash(String token) {
        return HexFormat.of().parseHex(Tokens.sha256(token));
    }
}
