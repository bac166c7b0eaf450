package io.linkledger.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.linkledger.support.ApiTest;
import io.linkledger.brands.Role;
import io.linkledger.brands.Users;

/** Brand users sign in with a form, get a session, and every form needs its CSRF token. */
class ConsoleSignInTest extends ApiTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @Autowired
    private Users users;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postForm(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return browser.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String csrfFromLoginPage() throws Exception {
        Matcher matcher = CSRF.matcher(get("/login").body());
        assertThat(matcher.find()).as("login form has a CSRF token").isTrue();
        return matcher.group(1);
    }

    private HttpResponse<String> signIn(String email, String password) throws Exception {
        return postForm("/login", Map.of("username", email, "password", password, "_csrf", csrfFromLoginPage()));
    }

    @Test
    void consolePagesNeedSignInAndTheBootstrapAdminCanSignIn() throws Exception {
        HttpResponse<String> anonymous = get("/offers");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/login");

        HttpResponse<String> signedIn = signIn("admin@test.example", "correct horse battery staple");
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(get("/offers").statusCode()).isNotEqualTo(302);
    }

    @Test
    void wrongPasswordsAreRefusedAndThenThrottled() throws Exception {
        String email = "throttled." + UUID.randomUUID() + "@example.com";
        users.create(brand.id(), email, "the right password", Role.ADMIN);
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            assertThat(signIn(email, "wrong password " + i).headers().firstValue("Location").orElseThrow())
                    .contains("error");
        }
        assertThat(signIn(email, "the right password").headers().firstValue("Location").orElseThrow())
                .contains("error");
    }

    @Test
    void formsWithoutCsrfTokenAreRejected() throws Exception {
        HttpResponse<String> response = postForm("/login",
                Map.of("username", "admin@test.example", "password", "correct horse battery staple"));
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void viewersCanReadButNotChange() throws Exception {
        String email = "viewer." + UUID.randomUUID() + "@example.com";
        users.create(brand.id(), email, "viewer password!", Role.VIEWER);
        signIn(email, "viewer password!");
        assertThat(get("/offers").statusCode()).isNotIn(302, 403);
        String csrf = csrfFromLoginPage();
        assertThat(postForm("/offers", Map.of("_csrf", csrf)).statusCode()).isEqualTo(403);
    }
}
