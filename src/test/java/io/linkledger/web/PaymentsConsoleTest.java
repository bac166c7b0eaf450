package io.linkledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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

/**
 * Base of the console page tests for payments, conversions and settings: a signed-in brand
 * user (real sign-in form, session cookie, CSRF token) and data made through the API.
 */
abstract class PaymentsConsoleTest extends ApiTest {

    @Autowired
    protected Users users;

    /** A fresh console user of the test's brand with this role, signed in. */
    ConsoleUser signedIn(Role role) throws Exception {
        String email = role.name().toLowerCase() + "." + UUID.randomUUID() + "@example.com";
        users.create(brand.id(), email, "console password 1", role);
        return ConsoleUser.signedIn(api.baseUrl(), email);
    }

    /** A member with one approved conversion: a postback of a sale worth ten times the commission. */
    String owedMember(String name, String sale) {
        String[] made = pendingConversion(name, sale);
        approve(made[1]);
        return made[0];
    }

    String[] pendingConversion(String name, String sale) {
        return pendingConversion(name, sale, "O-" + UUID.randomUUID());
    }

    /**
     * A member with a pending conversion of this sale (commission 10%) reported by a postback
     * integration: {memberId, conversionId, offerId, integrationId}.
     */
    String[] pendingConversion(String name, String sale, String orderId) {
        String offerId = createLinkOffer(name + " offer").get("id").asString();
        String memberId = createMember(name, "m-" + UUID.randomUUID() + "@example.com").get("id").asString();
        assign(offerId, memberId);
        var integration = created(api.post("/api/v1/integrations",
                Map.of("type", "POSTBACK", "name", "Shop " + UUID.randomUUID(), "offerId", offerId)));
        String integrationKey = integration.get("key").asString();
        Api.Response postback = api.withKey(null).get("/postback/" + integrationKey + "?" + query(Map.of(
                "member_id", memberId, "order_id", orderId, "amount", sale, "status", "pending")));
        assertThat(postback.status()).as(postback.toString()).isEqualTo(200);
        return new String[] {memberId, postback.json().get("conversionId").asString(), offerId,
                integration.get("id").asString()};
    }

    String approve(String conversionId) {
        Api.Response approved = api.post("/api/v1/conversions/" + conversionId + "/approve", Map.of());
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        return conversionId;
    }

    void fund(String amount) {
        created(api.post("/api/v1/balance/fundings", Map.of("amount", amount, "currency", "USD")));
    }

    static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).as("field " + name).isTrue();
        return m.group(1);
    }

    /** A signed-in console user: cookies, the CSRF token of the last page, form posts with repeated fields. */
    static final class ConsoleUser {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

        private final String baseUrl;
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        final String email;

        private ConsoleUser(String baseUrl, String email) {
            this.baseUrl = baseUrl;
            this.email = email;
        }

        static ConsoleUser signedIn(String baseUrl, String email) throws Exception {
            ConsoleUser browser = new ConsoleUser(baseUrl, email);
            HttpResponse<String> signedIn = browser.post("/login",
                    List.of("username", email, "password", "console password 1"));
            assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
            return browser;
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** A GET with the Accept header a browser (text/html...) or an API client sends. */
        HttpResponse<String> get(String path, String accept) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", accept).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** Posts name/value pairs, with the CSRF token read from the sign-in page. */
        HttpResponse<String> post(String path, List<String> pairs) throws Exception {
            Matcher m = CSRF.matcher(get("/login").body());
            assertThat(m.find()).isTrue();
            List<String> all = new ArrayList<>(pairs);
            all.add("_csrf");
            all.add(m.group(1));
            String body = "";
            for (int i = 0; i < all.size(); i += 2) {
                body += (i == 0 ? "" : "&") + URLEncoder.encode(all.get(i), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(all.get(i + 1), StandardCharsets.UTF_8);
            }
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> postMultipart(String path, Map<String, String> fields, String fileField, String fileName,
                String content) throws Exception {
            Matcher m = CSRF.matcher(get("/login").body());
            assertThat(m.find()).isTrue();
            String boundary = "----ll" + UUID.randomUUID();
            StringBuilder body = new StringBuilder();
            for (var e : fields.entrySet()) {
                body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                        .append(e.getKey()).append("\"\r\n\r\n").append(e.getValue()).append("\r\n");
            }
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(fileField)
                    .append("\"; filename=\"").append(fileName).append("\"\r\nContent-Type: text/csv\r\n\r\n")
                    .append(content).append("\r\n--").append(boundary).append("--\r\n");
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path + "?_csrf=" + m.group(1)))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    static String query(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
