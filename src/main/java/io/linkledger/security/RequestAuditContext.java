package io.linkledger.security;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.linkledger.audit.Actor;
import io.linkledger.audit.AuditContext;
import io.linkledger.brands.AuthenticatedKey;
import io.linkledger.brands.BrandPrincipal;
import io.linkledger.brands.Users;

/**
 * The actor of a change, from the request being served: the API key that authenticated it, or
 * the signed-in console user; anything else (a scheduled job, a postback, a shop or payment
 * webhook) is "system". The address is the request's client address as the server resolved it:
 * behind a trusted proxy (server.tomcat.remoteip.internal-proxies) from X-Forwarded-For, else the
 * socket's peer.
 */
@Component
class RequestAuditContext implements AuditContext {

    private static final String USER_PREFIX = "user:";

    // Looked up when first needed: Users records its own changes into the audit log, which asks this.
    private final ObjectProvider<Users> users;

    RequestAuditContext(ObjectProvider<Users> users) {
        this.users = users;
    }

    @Override
    public Actor actor() {
        String address = clientAddress();
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof BrandPrincipal principal)) {
            return Actor.system(address);
        }
        if (authentication.getDetails() instanceof AuthenticatedKey key) {
            return Actor.apiKey(key.keyId(), key.keyName(), address);
        }
        if (principal.actor().startsWith(USER_PREFIX)) {
            String email = principal.actor().substring(USER_PREFIX.length());
            return users.getObject().findByEmail(email).map(user -> Actor.user(user.id(), user.email(), address))
                    .orElseGet(() -> Actor.user(null, email, address));
        }
        return Actor.system(address);
    }

    @Override
    public UUID brandId() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof BrandPrincipal principal) {
            return principal.brandId();
        }
        throw new IllegalStateException("No brand caller on this request; the audit log is read behind sign-in");
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
