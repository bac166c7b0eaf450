package io.linkledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Autowired;

import io.linkledger.brands.Role;
import io.linkledger.brands.Users;
import io.linkledger.support.Api;
import io.linkledger.support.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * What the offer page tests share (abstract, so it runs no tests of its own): a signed-in
 * brand admin, and an offer with real clicks through the redirect and a real postback.
 */
abstract class OfferPageScenarioTest extends ApiTest {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern AFFTRACK = Pattern.compile("afftrack=([A-Za-z0-9]+)");
    static final String PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1";
    static final String DESKTOP = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/140.0 Safari/537.36";

    @Autowired
    protected Users users;

    protected final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    protected String adminEmail;
    protected final String adminPassword = "offer page password";

    /** An offer with two members: Jane (3 clicks, 2 unique, one $125 sale) and Omar (1 click). */
    record Seeded(String offerId, String janeId, String omarId, String janeLink, String integrationId) {
    }

    protected Seeded seed() {
        String offer = createLinkOffer("Summer sale").get("id").asString();
        String jane = createMember("Jane Doe", "jane." + UUID.randomUUID() + "@example.com").get("id").asString();
        String omar = createMember("Omar Haddad", "omar." + UUID.randomUUID() + "@example.com").get("id").asString();
        JsonNode assigned = assign(offer, jane, omar);
        String janeLink = link(assigned, jane);
        String tid = follow(janeLink, PHONE);
        follow(janeLink, PHONE);
        follow(janeLink, DESKTOP);
        follow(link(assigned, omar), DESKTOP);
        JsonNode integration = created(api.post("/api/v1/integrations", Map.of("type", "POSTBACK", "name", "Server",
                "offerIds", List.of(offer))));
        Api.Response postback = api.withKey(null).get("/postback/" + integration.get("key").asString()
                + "?transaction_id=" + tid + "&order_id=A-1001&amount=125.00");
        assertThat(postback.status()).as(postback.toString()).isEqualTo(200);
        return new Seeded(offer, jane, omar, janeLink, integration.get("id").asString());
    }

    private static String link(JsonNode assignments, String memberId) {
        for (JsonNode a : assignments) {
            if (a.get("memberId").asString().equals(memberId)) {
                return a.get("trackingLink").asString();
            }
        }
        throw new AssertionError("no assignment for " + memberId);
    }

    protected String follow(String trackingLink, String userAgent) {
        String path = URI.create(trackingLink).getPath();
        Api.Response redirect = api.withKey(null).send(api.withKey(null).request(path).header("User-Agent", userAgent));
        assertThat(redirect.status()).isEqualTo(302);
        Matcher tid = AFFTRACK.matcher(redirect.header("Location"));
        assertThat(tid.find()).isTrue();
        return tid.group(1);
    }

    protected void signInAs(Role role) throws Exception {
        adminEmail = role.name().toLowerCase() + "." + UUID.randomUUID() + "@example.com";
        users.create(brand.id(), adminEmail, adminPassword, role);
        HttpResponse<String> signedIn = postForm("/login",
                Map.of("username", adminEmail, "password", adminPassword, "_csrf", csrf(get("/login").body())));
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
    }

    protected static String csrf(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("page has a CSRF token").isTrue();
        return matcher.group(1);
    }

    protected HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> htmx(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).header("HX-Request", "true")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> postForm(String path, Map<String, String> form) throws Exception {
        String body = new LinkedHashMap<>(form).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return browser.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET, following one redirect (a form's answer). */
    protected HttpResponse<String> follow(HttpResponse<String> redirect) throws Exception {
        assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(302);
        URI location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
        return get(location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery()));
    }
}
