package io.linkledger.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import io.linkledger.brands.ApiScope;

/**
 * Which API key scopes may call which route: the only place that decides it. The first rule
 * whose pattern matches wins. A route no rule covers needs {@code admin}, and a build test
 * walks every registered API route to make sure none is left to that default by accident.
 */
final class ApiScopeRules {

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final Set<ApiScope> FALLBACK = Set.of(ApiScope.ADMIN);

    /** A group of routes: the scopes that may read it and the scopes that may change it. */
    record Rule(PathPattern pattern, Set<ApiScope> read, Set<ApiScope> write) {

        Set<ApiScope> accepted(HttpMethod method) {
            return READS.contains(method) ? read : write;
        }
    }

    static final List<Rule> RULES = List.of(
            adminOnly("/api/v1/api-keys/**"),
            adminOnly("/api/v1/users/**"),
            adminOnly("/api/v1/webhooks/**"),
            adminOnly("/api/v1/audit/**"),
            adminOnly("/api/v1/audit.csv"),
            readable("/api/v1/brand/**", ApiScope.ADMIN),
            readable("/api/v1/reports/**", ApiScope.ADMIN),
            // A job may come from any area (assignments, report imports): every key reads its progress.
            rule("/api/v1/jobs/**", EnumSet.allOf(ApiScope.class), EnumSet.of(ApiScope.ADMIN)),
            readable("/api/v1/conversions/**", ApiScope.CONVERSIONS),
            readable("/api/v1/integrations/**", ApiScope.CONVERSIONS),
            readable("/api/v1/balance/**", ApiScope.PAYMENTS),
            readable("/api/v1/payments/**", ApiScope.PAYMENTS),
            readable("/api/v1/payment-methods/**", ApiScope.PAYMENTS),
            readable("/api/v1/remittances/**", ApiScope.PAYMENTS),
            readable("/api/v1/ledger/**", ApiScope.PAYMENTS),
            readable("/api/v1/offers/**", ApiScope.PROGRAMS),
            readable("/api/v1/members/**", ApiScope.PROGRAMS),
            readable("/api/v1/projects/**", ApiScope.PROGRAMS),
            readable("/api/v1/emails/**", ApiScope.PROGRAMS),
            readable("/api/v1/email-sends/**", ApiScope.PROGRAMS),
            readable("/api/v1/email-templates/**", ApiScope.PROGRAMS));

    private ApiScopeRules() {
    }

    /** The rule that covers a request, if one does. */
    static Optional<Rule> find(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return RULES.stream().filter(rule -> rule.pattern().matches(container)).findFirst();
    }

    /** The scopes of which a key needs one (admin always does) to make this request. */
    static Set<ApiScope> accepted(HttpMethod method, String path) {
        return find(path).map(rule -> rule.accepted(method)).orElse(FALLBACK);
    }

    private static Rule adminOnly(String pattern) {
        return rule(pattern, FALLBACK, FALLBACK);
    }

    /** An area: its own scope reads and changes it, {@code reporting:read} reads it too. */
    private static Rule readable(String pattern, ApiScope area) {
        return rule(pattern, EnumSet.of(area, ApiScope.REPORTING_READ), EnumSet.of(area));
    }

    private static Rule rule(String pattern, Set<ApiScope> read, Set<ApiScope> write) {
        return new Rule(PathPatternParser.defaultInstance.parse(pattern), Set.copyOf(read), Set.copyOf(write));
    }
}
