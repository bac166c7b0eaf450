package io.linkledger.brands;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

import io.linkledger.shared.SignInSessions;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST API authenticates every call by API key. The public edge (redirects, postbacks,
 * dashboards, health) carries its own credentials in the URL or request and is open here.
 * The Creator Portal signs members in with emailed links and keeps them in a session.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, Brands brands, JsonMapper json) throws Exception {
        return http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new ApiKeyAuthenticationFilter(brands), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .exceptionHandling(ex -> ex.authenticationEntryPoint(new ProblemAuthenticationEntryPoint(json)))
                .build();
    }

    /**
     * The Creator Portal: a session (cookie HttpOnly, SameSite=Lax) holds the sign-in made with
     * an emailed link, kept under the portal's own session key; every form carries a CSRF token.
     */
    @Bean
    @Order(2)
    SecurityFilterChain portalChain(HttpSecurity http) throws Exception {
        return http.securityMatcher("/portal", "/portal/**")
                .securityContext(context -> context.securityContextRepository(SignInSessions.portal()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/portal/offers", "/portal/offers/**").hasRole(SignInSessions.PORTAL_ROLE)
                        .anyRequest().permitAll())
                .exceptionHandling(ex -> ex.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/portal"))
                        // A form posted from a page whose session ended: start over instead of a bare 403.
                        .accessDeniedHandler((request, response, denied) -> {
                            response.setStatus(HttpStatus.SEE_OTHER.value());
                            response.setHeader("Location", "/portal?expired");
                        }))
                .logout(logout -> logout.logoutUrl("/portal/logout").logoutSuccessUrl("/portal?signed-out"))
                .build();
    }

    /** Everything else; last, so the chains above see their paths first. */
    @Bean
    @Order(100)
    SecurityFilterChain publicChain(HttpSecurity http) throws Exception {
        return http.csrf(csrf -> csrf.ignoringRequestMatchers("/postback/**", "/webhooks/**"))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .build();
    }
}
