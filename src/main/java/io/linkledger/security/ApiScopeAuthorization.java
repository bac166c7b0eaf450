package io.linkledger.security;

import java.io.IOException;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import io.linkledger.brands.ApiScope;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lets an API key through only when it holds a scope {@link ApiScopeRules} accepts for the
 * route, and otherwise answers 403 with a problem naming the scope it lacks.
 */
final class ApiScopeAuthorization implements AuthorizationManager<RequestAuthorizationContext>, AccessDeniedHandler {

    private final JsonMapper json;

    ApiScopeAuthorization(JsonMapper json) {
        this.json = json;
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
            RequestAuthorizationContext context) {
        Authentication caller = authentication.get();
        if (caller == null || !caller.isAuthenticated() || caller instanceof AnonymousAuthenticationToken) {
            return new AuthorizationDecision(false);
        }
        return new AuthorizationDecision(ApiScope.grants(held(caller), accepted(context.getRequest())));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        Set<ApiScope> accepted = accepted(request);
        Set<ApiScope> held = caller == null ? Set.of() : held(caller);
        String needed = accepted.size() == 1
                ? "the scope '" + accepted.iterator().next().value() + "'"
                : "one of the scopes " + ApiScope.describe(accepted);
        ProblemDetail problem = ProblemResponses.problem(request, HttpStatus.FORBIDDEN,
                "This API key lacks " + needed + " needed for " + request.getMethod() + " on this path; it has: "
                        + (held.isEmpty() ? "no scope" : ApiScope.describe(held)));
        problem.setProperty("requiredScopes", accepted.stream().sorted().map(ApiScope::value).toList());
        ProblemResponses.write(response, json, problem);
    }

    private static Set<ApiScope> held(Authentication caller) {
        return ApiScope.ofAuthorities(caller.getAuthorities());
    }

    private static Set<ApiScope> accepted(HttpServletRequest request) {
        return ApiScopeRules.accepted(HttpMethod.valueOf(request.getMethod()),
                request.getRequestURI().substring(request.getContextPath().length()));
    }
}
