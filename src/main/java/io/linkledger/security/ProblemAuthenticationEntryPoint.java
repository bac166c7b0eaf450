package io.linkledger.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

import tools.jackson.databind.json.JsonMapper;

/** Answers unauthenticated calls (API, metrics) with a 401 problem that says what to send. */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final JsonMapper json;
    private final String missing;

    /** {@code missing}: the detail when no credential (or a wrong metrics token) was sent. */
    ProblemAuthenticationEntryPoint(JsonMapper json, String missing) {
        this.json = json;
        this.missing = missing;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String detail = request.getAttribute(ApiKeyAuthenticationFilter.REJECTED_KEY) != null
                ? "The API key is not valid or has been revoked"
                : missing;
        response.setHeader("WWW-Authenticate", "Bearer");
        ProblemResponses.write(response, json, ProblemResponses.problem(request, HttpStatus.UNAUTHORIZED, detail));
    }
}
