package io.linkledger.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.linkledger.brands.ApiScope;
import io.linkledger.shared.ProblemException;
import io.linkledger.support.Api;
import io.linkledger.support.ApiTest;
import tools.jackson.databind.JsonNode;

/** API keys carry scopes, chosen when they are made, and every API route checks them. */
class ApiScopesTest extends ApiTest {

    private static final Set<ApiScope> BELOW_ADMIN = EnumSet.complementOf(EnumSet.of(ApiScope.ADMIN));

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    /** A registered API route: one method and a path made from its pattern. */
    record Route(HttpMethod method, String pattern, String path) {

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    private List<Route> apiRoutes() {
        List<Route> routes = new ArrayList<>();
        mappings.getHandlerMethods().keySet().forEach(info -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                String path = pattern.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                if (methods.isEmpty()) {
                    routes.add(new Route(HttpMethod.GET, pattern, path));
                    routes.add(new Route(HttpMethod.POST, pattern, path));
                }
                methods.forEach(m -> routes.add(new Route(m.asHttpMethod(), pattern, path)));
            }
        });
        assertThat(routes).as("API routes found").hasSizeGreaterThan(50);
        return routes;
    }

    @Test
    void everyApiRouteIsCoveredByAScopeRule() {
        List<String> uncovered = apiRoutes().stream()
                .filter(route -> ApiScopeRules.find(route.path()).isEmpty())
                .map(Route::toString)
                .toList();
        assertThat(uncovered).as("routes without a rule in ApiScopeRules (add one)").isEmpty();
    }

    @Test
    void everyApiRouteRefusesAKeyWithoutTheScopeItNeedsAndLetsOneWithItThrough() {
        Map<Set<ApiScope>, String> keys = new HashMap<>();
        List<String> wrong = new ArrayList<>();
        for (Route route : apiRoutes()) {
            Set<ApiScope> accepted = ApiScopeRules.accepted(route.method(), route.path());
            Set<ApiScope> lacking = EnumSet.copyOf(BELOW_ADMIN);
            lacking.removeAll(accepted);
            if (!lacking.isEmpty()) {
                Api.Response refused = call(route, keys.computeIfAbsent(lacking, this::keyWith));
                List<String> required = refused.status() == 403
                        ? refused.json().get("requiredScopes").valueStream().map(JsonNode::asString).toList()
                        : List.of();
                if (!required.equals(accepted.stream().sorted().map(ApiScope::value).toList())) {
                    wrong.add(route + " with " + lacking + " answered " + refused);
                }
            }
            Set<ApiScope> enough = accepted.contains(ApiScope.ADMIN) && accepted.size() == 1
                    ? EnumSet.of(ApiScope.ADMIN) : EnumSet.of(accepted.stream().filter(BELOW_ADMIN::contains)
                            .findFirst().orElseThrow());
            Api.Response allowed = call(route, keys.computeIfAbsent(enough, this::keyWith));
            if (allowed.status() == 401 || allowed.status() == 403) {
                wrong.add(route + " with " + enough + " answered " + allowed);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void scopesAreChosenOnCreationShownAndListedAndDefaultToAdmin() {
        JsonNode reporting = created(api.post("/api/v1/api-keys", Map.of("name", "Looker",
                "scopes", List.of("reporting:read", "conversions"))));
        assertThat(reporting.get("scopes").valueStream().map(JsonNode::asString).toList())
                .containsExactly("reporting:read", "conversions");
        JsonNode plain = created(api.post("/api/v1/api-keys", Map.of("name", "Old client")));
        assertThat(plain.get("scopes").valueStream().map(JsonNode::asString).toList()).containsExactly("admin");

        JsonNode listed = api.get("/api/v1/api-keys").json();
        assertThat(listed.valueStream().filter(k -> k.get("name").asString().equals("Looker")).findFirst()
                .orElseThrow().get("scopes").toString()).isEqualTo("[\"reporting:read\",\"conversions\"]");

        assertThat(problem(api.post("/api/v1/api-keys", Map.of("name", "x", "scopes", List.of("everything"))), 400)
                .get("detail").asString()).contains("'everything' is not a scope", "reporting:read", "admin");
        problem(api.post("/api/v1/api-keys", Map.of("name", "x", "scopes", List.of())), 400);
    }

    @Test
    void aReportingKeyReadsButChangesNothing() {
        Api.Response offers = api.withKey(keyWith(EnumSet.of(ApiScope.REPORTING_READ))).get("/api/v1/offers");
        assertThat(offers.status()).isEqualTo(200);
        Api reporting = api.withKey(keyWith(EnumSet.of(ApiScope.REPORTING_READ)));
        JsonNode refused = problem(reporting.post("/api/v1/offers", Map.of("name", "Nope")), 403);
        assertThat(refused.get("detail").asString()).contains("lacks the scope 'programs'", "it has: reporting:read");
        assertThat(problem(reporting.get("/api/v1/users"), 403).get("detail").asString()).contains("'admin'");
        // Nor the audit log: it names users, keys and addresses.
        assertThat(problem(reporting.get("/api/v1/audit"), 403).get("detail").asString()).contains("'admin'");
        assertThat(problem(reporting.get("/api/v1/audit.csv"), 403).get("detail").asString()).contains("'admin'");
        assertThat(count("select count(*) from offers where brand_id = ?", brand.id())).isZero();
    }

    @Test
    void onlyAdminKeysManageKeysAndUsersSoNoKeyMintsMoreThanItHolds() {
        Api payments = api.withKey(keyWith(EnumSet.of(ApiScope.PAYMENTS, ApiScope.PROGRAMS, ApiScope.CONVERSIONS,
                ApiScope.REPORTING_READ)));
        problem(payments.post("/api/v1/api-keys", Map.of("name", "escalate", "scopes", List.of("admin"))), 403);
        problem(payments.post("/api/v1/api-keys", Map.of("name", "same", "scopes", List.of("payments"))), 403);
        problem(payments.post("/api/v1/users", Map.of("email", "x." + UUID.randomUUID() + "@example.com",
                "password", "a long enough password", "role", "ADMIN")), 403);
        problem(payments.delete("/api/v1/api-keys/" + UUID.randomUUID()), 403);
        assertThat(count("select count(*) from api_keys where brand_id = ? and name in ('escalate', 'same')",
                brand.id())).isZero();

        // The rule holds in the service too, whoever calls it.
        assertThatThrownBy(() -> brands.createKey(brand.id(), "escalate", EnumSet.of(ApiScope.ADMIN),
                EnumSet.of(ApiScope.PAYMENTS)))
                .isInstanceOf(ProblemException.class).hasMessageContaining("more rights than its maker");
        assertThat(brands.createKey(brand.id(), "narrower", EnumSet.of(ApiScope.PAYMENTS),
                EnumSet.of(ApiScope.PAYMENTS, ApiScope.REPORTING_READ)).scopes()).containsExactly(ApiScope.PAYMENTS);
    }

    @Test
    void theApiDescriptionNamesEachOperationsScopes() {
        JsonNode docs = api.withKey(null).get("/v3/api-docs").json();
        assertThat(docs.at("/paths/~1api~1v1~1users/post/x-required-scopes").toString()).isEqualTo("[\"admin\"]");
        assertThat(docs.at("/paths/~1api~1v1~1offers/get/x-required-scopes").toString())
                .isEqualTo("[\"reporting:read\",\"programs\"]");
        assertThat(docs.at("/paths/~1api~1v1~1offers/post/description").asString())
                .contains("Required scope: programs");
        String problemRef = docs.at("/paths/~1api~1v1~1offers/post/responses/403/content/application~1problem+json"
                + "/schema/$ref").asString();
        assertThat(docs.at("/components/schemas/" + problemRef.substring(problemRef.lastIndexOf('/') + 1)).isObject())
                .as(problemRef).isTrue();
        assertThat(docs.at("/components/securitySchemes/apiKey/description").asString()).contains("reporting:read");
    }

    private String keyWith(Set<ApiScope> scopes) {
        return brands.createKey(brand.id(), "scopes " + new TreeSet<>(scopes), scopes, EnumSet.of(ApiScope.ADMIN))
                .plainText();
    }

    private Api.Response call(Route route, String key) {
        Api client = api.withKey(key);
        HttpRequest.BodyPublisher body = route.method() == HttpMethod.GET || route.method() == HttpMethod.DELETE
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}");
        return client.send(client.request(route.path()).header("Content-Type", "application/json")
                .method(route.method().name(), body));
    }
}
