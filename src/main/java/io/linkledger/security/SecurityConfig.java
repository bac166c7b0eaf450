package io.linkledger.security;

import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import io.linkledger.brands.Brands;
import io.linkledger.brands.Role;
import io.linkledger.brands.Users;
import io.linkledger.shared.HtmlPages;
import io.linkledger.shared.SignInSessions;
import tools.jackson.databind.json.JsonMapper;

/**
 * Five doors. The REST API authenticates every call by API key and lets it through only with a
 * scope for the route ({@link ApiScopeRules}). Metrics need the metrics token; health is open
 * for load balancers. The Creator Portal signs members in with emailed links. The public edge
 * (redirects, postbacks, webhooks, dashboards, API docs, static files) carries its own
 * credential in the URL or request. Everything else is the brand console: form sign-in, a
 * session, CSRF on every form, viewers only read, a strict Content-Security-Policy.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    static final String[] PUBLIC_EDGE = {"/r/**", "/d/**", "/px/**", "/postback/**", "/webhooks/**",
        "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/webjars/**", "/css/**", "/js/**", "/img/**",
        "/favicon.ico", "/error"};

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, Brands brands, JsonMapper json) throws Exception {
        ApiScopeAuthorization scopes = new ApiScopeAuthorization(json);
        return http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new ApiKeyAuthenticationFilter(brands), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.anyRequest().access(scopes))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint(new ProblemAuthenticationEntryPoint(json,
                                "Missing API key: send the header 'Authorization: Bearer <api key>'"))
                        .accessDeniedHandler(scopes))
                .build();
    }

    /** Health answers anyone, without details; everything else under /actuator needs the metrics token. */
    @Bean
    @Order(2)
    SecurityFilterChain actuatorChain(HttpSecurity http, JsonMapper json,
            @Value("${linkledger.metrics.token:}") String metricsToken) throws Exception {
        return http.securityMatcher("/actuator/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().access(new MetricsToken(metricsToken)))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(new ProblemAuthenticationEntryPoint(json,
                        "Metrics need the metrics token: send 'Authorization: Bearer <LINKLEDGER_METRICS_TOKEN>'")))
                .build();
    }

    /**
     * The Creator Portal: a session (cookie HttpOnly, SameSite=Lax) holds the sign-in made with
     * an emailed link, kept under the portal's own session key; every form carries a CSRF token.
     */
    @Bean
    @Order(3)
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

    @Bean
    @Order(4)
    SecurityFilterChain publicEdgeChain(HttpSecurity http) throws Exception {
        return http.securityMatcher(PUBLIC_EDGE)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .build();
    }

    /** A locked account is told so ({@code /login?error&locked}); any other failure is just "wrong". */
    private static AuthenticationFailureHandler signInFailures() {
        ExceptionMappingAuthenticationFailureHandler failures = new ExceptionMappingAuthenticationFailureHandler();
        failures.setDefaultFailureUrl("/login?error");
        failures.setExceptionMappings(Map.of(LockedException.class.getName(), "/login?error&locked"));
        return failures;
    }

    /**
     * The console runs only its own scripts and styles (htmx, Chart.js and static/js, all served
     * from here), is never framed, and tells other sites nothing of its addresses.
     */
    @Bean
    @Order(10)
    SecurityFilterChain consoleChain(HttpSecurity http, Users users, LoginThrottle throttle) throws Exception {
        return http.authenticationProvider(new UserAuthenticationProvider(users, throttle))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/logout").permitAll()
                        .requestMatchers(HttpMethod.GET, "/**").hasAnyRole(Role.ADMIN.name(), Role.VIEWER.name())
                        .anyRequest().hasRole(Role.ADMIN.name()))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/offers", false)
                        .failureHandler(signInFailures()))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(HtmlPages.CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.deny()))
                .build();
    }
}
