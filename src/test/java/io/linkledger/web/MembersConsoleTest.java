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

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.linkledger.brands.Role;
import io.linkledger.brands.Users;
import io.linkledger.members.MemberImport;
import io.linkledger.support.ApiTest;

/** The Members screens over real HTTP: who may do what, other brands' members, and imports confirmed once. */
class MembersConsoleTest extends ApiTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @Autowired
    private Users users;

    @Autowired
    private MemberImport memberImport;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private String csrf;

    private void signIn(Role role) throws Exception {
        String email = role.name().toLowerCase() + "." + UUID.randomUUID() + "@example.com";
        users.create(brand.id(), email, "members console password", role);
        csrf = csrfOf(get("/login").body());
        HttpResponse<String> signedIn = post("/login", Map.of("username", email, "password", "members console password"));
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        csrf = csrfOf(get("/members").body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        List<String> pairs = new ArrayList<>();
        form.forEach((key, value) -> pairs.add(key + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        pairs.add("_csrf=" + csrf);
        return browser.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String csrfOf(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("page has a CSRF token").isTrue();
        return matcher.group(1);
    }

    @Test
    void viewersSeeMembersButNoFormsAndTheirPostsAreRefused() throws Exception {
        String jane = createMember("Jane Doe", "jane@example.com").get("id").asString();
        signIn(Role.VIEWER);

        String list = get("/members").body();
        assertThat(list).contains("Jane Doe", "Export CSV").doesNotContain("Add member").doesNotContain("Import CSV");
        String page = get("/members/" + jane).body();
        assertThat(page).contains("jane@example.com").doesNotContain("Save commission").doesNotContain("Edit member");

        assertThat(post("/members", Map.of("name", "Eve", "email", "eve@example.com")).statusCode()).isEqualTo(403);
        assertThat(post("/members/" + jane, Map.of("name", "Eve", "email", "jane@example.com")).statusCode())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/members").json().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void anotherBrandsMemberIsNotFoundAndItsFormsChangeNothing() throws Exception {
        String otherKey = brands.createKey(brands.create("Other brand").id(), "k").plainText();
        String theirs = created(api.withKey(otherKey).post("/api/v1/members",
                Map.of("name", "Their Member", "email", "their@example.com"))).get("id").asString();
        signIn(Role.ADMIN);

        assertThat(get("/members/" + theirs).statusCode()).isEqualTo(404);
        assertThat(get("/members/" + theirs + "/edit").statusCode()).isEqualTo(404);
        assertThat(post("/members/" + theirs, Map.of("name", "Mine now", "email", "their@example.com")).statusCode())
                .isEqualTo(404);
        assertThat(api.withKey(otherKey).get("/api/v1/members/" + theirs).json().get("name").asString())
                .isEqualTo("Their Member");
        assertThat(get("/members?q=their").body()).doesNotContain("Their Member");
    }

    @Test
    void aPreviewedImportIsImportedOnceAndAnotherBrandCannotConfirmIt() throws Exception {
        signIn(Role.ADMIN);
        MemberImport.Draft draft = memberImport.draft(brand.id(), "one.csv", "name,email\nJane Doe,jane@example.com\n");
        String otherKey = brands.createKey(brands.create("Other brand").id(), "k").plainText();

        assertThat(get("/members/import/" + draft.id()).body()).contains("one.csv", "Import 1 row");
        assertThat(memberImport.findDraft(brand.id(), draft.id()).fileName()).isEqualTo("one.csv");

        HttpResponse<String> confirmed = post("/members/import/" + draft.id(), Map.of());
        assertThat(confirmed.statusCode()).isEqualTo(302);
        assertThat(confirmed.headers().firstValue("Location").orElseThrow()).endsWith("/members");
        assertThat(post("/members/import/" + draft.id(), Map.of()).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v1/members").json().get("total").asInt()).isEqualTo(1);
        assertThat(api.withKey(otherKey).get("/api/v1/members").json().get("total").asInt()).isZero();
    }

    @Test
    void aFileWithoutNameAndEmailColumnsIsRefusedOnTheUploadPage() throws Exception {
        signIn(Role.ADMIN);
        String boundary = "----linkledger" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bad.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nnickname,phone\r\nJane,123\r\n--" + boundary + "--\r\n";
        HttpResponse<String> refused = browser.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/members/import"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"import-error\"", "must name the columns");
        assertThat(count("select count(*) from member_import_drafts where brand_id = ?", brand.id())).isZero();
    }
}
