package io.linkledger.shared;

import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Where browser sign-ins are kept: in the HTTP session, each kind under its own key, so a
 * Creator Portal sign-in and a brand console sign-in in one browser never stand in for each
 * other. The security filter chain and the controller that signs people in use the same one.
 */
public final class SignInSessions {

    public static final String PORTAL_CONTEXT_KEY = "LINKLEDGER_PORTAL_SECURITY_CONTEXT";
    /** The role of a member signed in to the Creator Portal. */
    public static final String PORTAL_ROLE = "PORTAL_MEMBER";

    private SignInSessions() {
    }

    public static SecurityContextRepository portal() {
        HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();
        repository.setSpringSecurityContextKey(PORTAL_CONTEXT_KEY);
        return repository;
    }
}
