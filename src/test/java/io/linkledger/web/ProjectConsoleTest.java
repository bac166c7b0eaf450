package io.linkledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.linkledger.brands.Role;
import io.linkledger.brands.Users;
import io.linkledger.members.Member;
import io.linkledger.members.MemberRequest;
import io.linkledger.members.Members;
import io.linkledger.projects.Project;
import io.linkledger.projects.Projects;
import io.linkledger.support.ApiTest;

/** A brand admin works with projects and their Sales Tracking stage in the console. */
class ProjectConsoleTest extends ApiTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern POLL = Pattern.compile("hx-get=\"([^\"]+)\"[^>]*hx-trigger=\"load delay");

    @Autowired
    private Users users;

    @Autowired
    private Projects projects;

    @Autowired
    private Members members;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private String csrf;

    @BeforeEach
    void signInAsAdmin() throws Exception {
        String email = "admin." + UUID.randomUUID() + "@example.com";
        users.create(brand.id(), email, "projects admin password", Role.ADMIN);
        HttpResponse<String> signedIn = post("/login", Map.of("username", email, "password", "projects admin password"));
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        csrf = csrfOf(get("/projects").body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Map<String, ?> form) throws Exception {
        List<String> pairs = new ArrayList<>();
        form.forEach((key, value) -> {
            List<?> values = value instanceof List<?> list ? list : List.of(value);
            values.forEach(v -> pairs.add(key + "=" + URLEncoder.encode(v.toString(), StandardCharsets.UTF_8)));
        });
        if (csrf == null) {
            pairs.add("_csrf=" + csrfOf(get("/login").body()));
        } else {
            pairs.add("_csrf=" + csrf);
        }
        return browser.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("HX-Request", "true")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String csrfOf(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("page has a CSRF token").isTrue();
        return matcher.group(1);
    }

    /** Follows a progress fragment's polling until it renders something other than progress. */
    private String pollUntilDone(String fragment) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            Matcher poll = POLL.matcher(fragment);
            if (!poll.find()) {
                return fragment;
            }
            assertThat(fragment).contains("<progress");
            Thread.sleep(100);
            HttpResponse<String> next = get(poll.group(1).replace("&amp;", "&"));
            assertThat(next.statusCode()).isEqualTo(200);
            fragment = next.body();
        }
        throw new AssertionError("job did not finish");
    }

    private Member member(String name) {
        return members.create(brand.id(), new MemberRequest(name, name.toLowerCase().replace(' ', '.') + "."
                + UUID.randomUUID() + "@example.com", null, null));
    }

    private Project projectWith(Member... in) {
        Project project = projects.create(brand.id(), "Spring launch");
        if (in.length > 0) {
            projects.addMembers(brand.id(), project.id(), List.of(in).stream().map(Member::id).toList());
        }
        return project;
    }

    private String offer() {
        return createOffer(Map.of("name", "Summer Sale", "type", "LINK_AND_CODE", "conversionType", "SALE",
                "currency", "USD", "destinationUrl", SHAREASALE_URL,
                "payouts", List.of(Map.of("name", "Default", "type", "CPS", "percent", "10")))).get("id").asString();
    }

    @Test
    void createdProjectOpensAndIsListedWithItsMemberCount() throws Exception {
        HttpResponse<String> blank = post("/projects", Map.of("name", "  "));
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("id=\"project-name-error\"").contains("is required");

        HttpResponse<String> created = post("/projects", Map.of("name", "Holiday creators"));
        assertThat(created.statusCode()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).containsPattern("/projects/[0-9a-f-]{36}$");
        String path = URI.create(location).getPath();
        assertThat(get(path).body()).contains("<h1>Holiday creators</h1>").contains("0 members");

        projects.addMembers(brand.id(), UUID.fromString(path.substring("/projects/".length())),
                List.of(member("Ana Lima").id()));
        String list = get("/projects").body();
        assertThat(list).containsPattern("Holiday creators</a></td>\\s*<td data-label=\"Members\" class=\"num\">1</td>");
    }

    @Test
    void membersAreFoundAddedCreatedInlineAndRemoved() throws Exception {
        Member ana = member("Ana Lima");
        Project project = projectWith();
        String base = "/projects/" + project.id();

        assertThat(get(base + "?q=ana").body()).contains("id=\"add-" + ana.id() + "\"");
        HttpResponse<String> noneTicked = post(base + "/members", Map.of("q", "ana"));
        assertThat(noneTicked.statusCode()).isEqualTo(400);
        assertThat(noneTicked.body()).contains("id=\"add-found-error\"").contains("id=\"add-" + ana.id() + "\"");
        HttpResponse<String> added = post(base + "/members", Map.of("memberIds", ana.id()));
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(get(base).body()).contains("1 member added.");
        assertThat(projects.memberIds(brand.id(), project.id())).containsExactly(ana.id());

        HttpResponse<String> invalid = post(base + "/members/new", Map.of("name", "Bo Chen", "email", "not-an-email"));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("id=\"new-email-error\"").contains("value=\"Bo Chen\"");
        assertThat(members.list(brand.id(), "Bo Chen", 10, 0).total()).isZero();

        HttpResponse<String> createdInline = post(base + "/members/new", Map.of("name", "Bo Chen", "email", "bo@example.com"));
        assertThat(createdInline.statusCode()).isEqualTo(302);
        String page = get(base).body();
        assertThat(page).contains("Bo Chen").contains("bo@example.com").contains("2 members")
                .contains("Bo Chen was created and added.");
        assertThat(get(base).body()).doesNotContain("was created and added");

        HttpResponse<String> removed = post(base + "/members/" + ana.id() + "/remove", Map.of());
        assertThat(removed.statusCode()).isEqualTo(302);
        assertThat(projects.memberIds(brand.id(), project.id())).hasSize(1).doesNotContain(ana.id());
    }

    @Test
    void generatingForSelectedMembersShowsTheirLinksCodesAndDashboardLinksAtOnce() throws Exception {
        Member ana = member("Ana Lima");
        Member bo = member("Bo Chen");
        Member left = member("Cy Out");
        Project project = projectWith(ana, bo, left);
        String offerId = offer();

        HttpResponse<String> nothingSelected = post("/projects/" + project.id() + "/stage/generate",
                Map.of("offerId", offerId));
        assertThat(nothingSelected.body()).contains("select at least one member");

        HttpResponse<String> generated = post("/projects/" + project.id() + "/stage/generate",
                Map.of("offerId", offerId, "memberIds", List.of(ana.id(), bo.id())));
        assertThat(generated.statusCode()).isEqualTo(200);
        String table = stageTable(generated.body());
        assertThat(table).contains("id=\"generated\"").contains("Ana Lima").contains("Bo Chen").doesNotContain("Cy Out")
                .containsPattern("value=\"ANA10\"");
        assertThat(Pattern.compile("/r/[A-Za-z0-9_-]+\"").matcher(table).results().count()).isEqualTo(2);
        assertThat(Pattern.compile("/d/[A-Za-z0-9_-]+\"").matcher(table).results().count()).isEqualTo(2);
        assertThat(api.get("/api/v1/offers/" + offerId + "/members").json().get("total").asInt()).isEqualTo(2);

        // The project's members table is swapped in too, and the links stay there on every visit.
        String refreshed = generated.body().substring(generated.body().indexOf("id=\"project-members-table\""));
        assertThat(refreshed).contains("hx-swap-oob=\"true\"", "Cy Out", "Not generated yet");
        String reloaded = get("/projects/" + project.id() + "?offer=" + offerId).body();
        assertThat(Pattern.compile("/d/[A-Za-z0-9_-]+\"").matcher(reloaded).results().count()).isEqualTo(2);
        assertThat(reloaded).contains("value=\"ANA10\"", "2 of the 3 members shown have links and codes");
    }

    @Test
    void aTierOfAnotherOfferIsRefusedAndGeneratesNothing() throws Exception {
        Member ana = member("Ana Lima");
        Project project = projectWith(ana);
        String offerId = offer();
        String otherTier = createLinkOffer("Other").get("payouts").get(0).get("id").asString();

        HttpResponse<String> refused = post("/projects/" + project.id() + "/stage/generate",
                Map.of("offerId", offerId, "memberIds", ana.id(), "payoutId", otherTier));

        assertThat(refused.body()).contains("id=\"stage-errors\"", "Payout tier: offer", "has no payout option");
        assertThat(api.get("/api/v1/offers/" + offerId + "/members").json().get("total").asInt()).isZero();
    }

    /** The stage's own table of a generate answer, without the project's members table swapped in with it. */
    private static String stageTable(String body) {
        int refreshed = body.indexOf("id=\"project-members-table\"");
        return refreshed < 0 ? body : body.substring(0, refreshed);
    }

    @Test
    void generatingForALargeProjectRunsAJobWithProgressThenShowsTheTable() throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            ids.add(members.create(brand.id(), new MemberRequest("Creator " + i, "creator" + i + "@example.com",
                    null, null)).id());
        }
        Project project = projects.create(brand.id(), "Big launch");
        projects.addMembers(brand.id(), project.id(), ids);
        String offerId = offer();

        HttpResponse<String> started = post("/projects/" + project.id() + "/stage/generate",
                Map.of("offerId", offerId, "all", "true"));
        assertThat(started.statusCode()).isEqualTo(200);
        assertThat(started.body()).contains("<progress").contains("of 501").contains("/stage/jobs/");

        String table = stageTable(pollUntilDone(started.body()));
        assertThat(table).contains("id=\"generated\"").contains("501 members ready").contains("Creator 0")
                .contains("Next</button>");
        assertThat(Pattern.compile("/d/[A-Za-z0-9_-]+\"").matcher(table).results().count())
                .isEqualTo(ProjectListController.PAGE);
        assertThat(count("select count(*) from offer_members where offer_id = ? and project_id = ?",
                UUID.fromString(offerId), project.id())).isEqualTo(501);
    }

    @Test
    void viewersSeeMembersButNoChangeForms() throws Exception {
        Project project = projectWith(member("Ana Lima"));
        String email = "viewer." + UUID.randomUUID() + "@example.com";
        users.create(brand.id(), email, "viewer password!", Role.VIEWER);
        browser.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/logout")).POST(
                HttpRequest.BodyPublishers.ofString("_csrf=" + csrf))
                .header("Content-Type", "application/x-www-form-urlencoded").build(), HttpResponse.BodyHandlers.ofString());
        csrf = null;
        post("/login", Map.of("username", email, "password", "viewer password!"));
        csrf = csrfOf(get("/projects").body());

        String page = get("/projects/" + project.id()).body();
        assertThat(page).contains("Ana Lima").doesNotContain("Create and add").doesNotContain("Generate links/codes")
                .doesNotContain(">Remove<");
        assertThat(get("/projects").body()).doesNotContain("Create project");
        assertThat(post("/projects", Map.of("name", "Nope")).statusCode()).isEqualTo(403);
    }

    @Test
    void anotherBrandsProjectIsNotFound() throws Exception {
        var other = brands.create("Other " + UUID.randomUUID());
        Project theirs = projects.create(other.id(), "Secret");
        assertThat(get("/projects/" + theirs.id()).statusCode()).isEqualTo(404);
        assertThat(post("/projects/" + theirs.id() + "/members/new", Map.of("name", "X", "email", "x@example.com"))
                .statusCode()).isEqualTo(404);
    }
}
