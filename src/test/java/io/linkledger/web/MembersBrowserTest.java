package io.linkledger.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;

import io.linkledger.shared.Csv;
import tools.jackson.databind.JsonNode;

/** A brand manages its members in the Members area, as a user does, at desktop and phone width. */
class MembersBrowserTest extends ConsoleBrowserTest {

    private JsonNode member(String name, String email, List<String> tags) {
        return created(api.post("/api/v1/members", Map.of("name", name, "email", email, "tags", tags)));
    }

    @Test
    void listSearchesByTagAndPagesAddEditAndADuplicateEmailLinksToTheMember() {
        for (int i = 0; i < 52; i++) {
            member(String.format("Creator %02d", i), "creator" + i + "@example.com", List.of("bulk"));
        }
        JsonNode ana = member("Ana Lima", "ana@example.com", List.of("VIP", "summer"));
        Page page = signIn();

        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Members").setExact(true)).click();
        page.waitForURL("**/members");
        assertThat(page.locator("h1")).hasText("Members");
        assertThat(page.locator("#member-list tbody tr")).hasCount(50);
        assertThat(page.locator(".pager")).containsText("1–50 of 53");
        look(page, "members-list");
        page.locator("a[rel=next]").click();
        assertThat(page.locator("#member-list tbody tr")).hasCount(3);

        page.getByLabel("Search by name, email, handle or tag").fill("vip");
        page.locator("form[role=search] button").click();
        assertThat(page.locator("#member-list tbody tr")).hasCount(1);
        assertThat(page.locator("#member-list")).containsText("Ana Lima");
        assertThat(page.locator("#member-list")).containsText("summer");

        page.locator("a:has-text('Add member')").click();
        page.getByLabel("Name").fill("Jane Doe");
        page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).fill("jane@example");
        page.getByLabel("Tags").fill("vip, spring");
        page.locator("button:has-text('Add member')").click();
        assertThat(page.locator("#member-email-error")).containsText("is not an email address");
        assertThat(page.getByLabel("Name")).hasValue("Jane Doe");
        look(page, "member-form-errors");
        page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).fill("jane@example.com");
        page.getByLabel("Handle").fill("@janedoe");
        page.getByLabel("PayPal email").fill("jane.pay@example.com");
        page.getByLabel("Notes").fill("Met at the spring fair.\nPrefers email.");
        page.locator("button:has-text('Add member')").click();
        page.waitForURL("**/members/*");
        assertThat(page.locator("#notice")).hasText("Jane Doe was added.");
        assertThat(page.locator(".member-details")).containsText("@janedoe");
        assertThat(page.locator(".member-details")).containsText("jane.pay@example.com");
        assertThat(page.locator(".member-details")).containsText("Prefers email.");
        assertThat(page.locator(".member-details .badge.tag")).hasText(new String[] {"spring", "vip"});

        page.locator("a:has-text('Edit member')").click();
        page.getByLabel("Tags").fill("spring");
        page.getByLabel("Handle").fill("");
        page.locator("button:has-text('Save changes')").click();
        assertThat(page.locator("#notice")).hasText("Changes to Jane Doe were saved.");
        JsonNode jane = api.get("/api/v1/members?q=jane@example.com").json().get("items").get(0);
        assertThat(jane.get("tags").toString()).isEqualTo("[\"spring\"]");
        assertThat(jane.get("handle").isNull()).isTrue();

        // The same email again: a clear message naming the member, with a link to them.
        page.navigate(api.baseUrl() + "/members/new");
        page.getByLabel("Name").fill("Ana Again");
        page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).fill("ANA@example.com");
        page.locator("button:has-text('Add member')").click();
        assertThat(page.locator("#member-email-error")).hasText("Email already belongs to Ana Lima");
        assertThat(page.locator("#duplicate-member")).containsText("Ana Lima already has the email address ana@example.com");
        assertThat(page.locator("#duplicate-member")).not().containsText(ana.get("id").asString());
        look(page, "member-duplicate-email");
        page.locator("#duplicate-member a:has-text('Open Ana Lima')").click();
        page.waitForURL("**/members/" + ana.get("id").asString());
        assertThat(api.get("/api/v1/members?q=ana").json().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void csvImportShowsWhatEachRowWouldDoAndWritesOnlyOnceConfirmed() {
        member("Ana Lima", "ana@example.com", List.of());
        member("Bo Chen", "bo@example.com", List.of("vip"));
        String csv = """
                name,email,handle,paypal_email,tags
                Ana Lima,ana@example.com,@ana,,
                Bo Chen,BO@example.com,,,vip
                Cy New,cy@example.com,,,summer;vip
                Dee Broken,not-an-email,,,
                """;
        Page page = signIn();
        page.navigate(api.baseUrl() + "/members");
        page.locator("a:has-text('Import CSV')").click();
        look(page, "members-import");
        page.getByLabel("CSV file", new Page.GetByLabelOptions().setExact(true)).setInputFiles(new FilePayload("creators.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8)));
        page.locator("button:has-text('Preview import')").click();
        page.waitForURL("**/members/import/*");

        assertThat(page.locator("[data-figure=new]")).hasText("1");
        assertThat(page.locator("[data-figure=updated]")).hasText("1");
        assertThat(page.locator("[data-figure=unchanged]")).hasText("1");
        assertThat(page.locator("[data-figure=invalid]")).hasText("1");
        assertThat(page.locator("tr[data-change=updated]")).containsText("handle: (empty) → @ana");
        assertThat(page.locator("tr[data-change=invalid]")).containsText("email 'not-an-email' is not an email address");
        assertThat(page.locator("#confirm-import")).hasText("Import 3 rows, skip 1 invalid");
        look(page, "members-import-preview");
        assertThat(api.get("/api/v1/members").json().get("total").asInt()).as("nothing written yet").isEqualTo(2);

        page.locator("a:has-text('Invalid 1')").click();
        assertThat(page.locator("#import-rows tbody tr")).hasCount(1);
        page.locator("#confirm-import").click();
        page.waitForURL("**/members");
        assertThat(page.locator("#notice")).hasText("Import done: 1 new, 1 updated, 1 unchanged.");
        assertThat(api.get("/api/v1/members").json().get("total").asInt()).isEqualTo(3);
        assertThat(api.get("/api/v1/members?q=summer").json().get("items").get(0).get("name").asString())
                .isEqualTo("Cy New");
        assertThat(api.get("/api/v1/members?q=ana@").json().get("items").get(0).get("handle").asString())
                .isEqualTo("@ana");

        // Export: the file the import reads, every member.
        Download download = page.waitForDownload(() -> page.locator("a:has-text('Export CSV')").click());
        List<List<String>> rows = Csv.parse(readAll(download.path()));
        assertThat(rows.getFirst()).startsWith("member_id", "name", "email", "handle", "paypal_email", "tags", "notes");
        assertThat(rows).hasSize(4);
        assertThat(rows.stream().filter(r -> r.get(1).equals("Cy New")).findFirst().orElseThrow().get(5))
                .isEqualTo("summer; vip");
    }

    @Test
    void aLargeImportRunsWithAProgressBarUntilItIsDone() {
        StringBuilder csv = new StringBuilder("name,email\n");
        for (int i = 0; i < 1200; i++) {
            csv.append("Creator ").append(i).append(",creator").append(i).append("@example.com\n");
        }
        Page page = signIn();
        page.navigate(api.baseUrl() + "/members/import");
        page.getByLabel("CSV file", new Page.GetByLabelOptions().setExact(true)).setInputFiles(new FilePayload("big.csv", "text/csv",
                csv.toString().getBytes(StandardCharsets.UTF_8)));
        page.locator("button:has-text('Preview import')").click();
        assertThat(page.locator("[data-figure=new]")).hasText("1200");
        assertThat(page.locator("#import-rows tbody tr")).hasCount(200);
        page.locator("#confirm-import").click();
        page.waitForURL("**/members/import/jobs/*");
        assertThat(page.locator("h1")).hasText("Importing members");
        assertThat(page.locator("#import-result")).containsText("Import done: 1200 new, 0 updated, 0 unchanged.",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
        look(page, "members-import-done");
        assertThat(api.get("/api/v1/members").json().get("total").asInt()).isEqualTo(1200);
    }

    private static String readAll(Path path) {
        try {
            return Files.readString(path);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
