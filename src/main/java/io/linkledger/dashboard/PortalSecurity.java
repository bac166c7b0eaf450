package io.linkledger.dashboard;

import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * How a Creator Portal sign-in is kept: in the HTTP session under its own key, so a portal
 * sign-in and a brand console sign-in in one browser never stand in for each other.
 * {@code brands.SecurityConfig} reads it through the same repository.
 */
public final class PortalSecurity {

    public static final String CONTEXT_KEY = "LINKLEDGER_PORTAL_SECURITY_CONTEXT";
    public static final String ROLE = "PORTAL_MEMBER";

    private PortalSecurity() {
    }

    public static SecurityContextRepository contextRepository() {
        HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();
        repository.setSpringSecurityContextKey(CONTEXT_KEY);
        return repository;
    }
}
