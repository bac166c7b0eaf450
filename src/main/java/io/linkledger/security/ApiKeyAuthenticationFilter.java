package io.linkledger.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import io.linkledger.brands.ApiScope;
import io.linkledger.brands.AuthenticatedKey;
import io.linkledger.brands.Brands;

/**
 * Authenticates {@code Authorization: Bearer <api key>} against the hashed keys; the key's scopes
 * become the authentication's authorities.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String REJECTED_KEY = ApiKeyAuthenticationFilter.class.getName() + ".rejected";

    private final Brands brands;

    ApiKeyAuthenticationFilter(Brands brands) {
        this.brands = brands;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<AuthenticatedKey> key = brands.authenticate(header.substring(7).trim());
            if (key.isPresent()) {
                var authorities = key.get().scopes().stream().map(ApiScope::authority).map(SimpleGrantedAuthority::new)
                        .toList();
                var authentication = UsernamePasswordAuthenticationToken.authenticated(key.get().principal(), null,
                        authorities);
                authentication.setDetails(key.get()); // which key acts, for the audit log
                SecurityContextHolder.getContext().setAuthentication(authentication);
            } else {
                request.setAttribute(REJECTED_KEY, Boolean.TRUE);
            }
        }
        chain.doFilter(request, response);
    }
}
