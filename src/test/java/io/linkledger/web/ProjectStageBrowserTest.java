package io.linkledger.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;

import org.springframework.beans.factory.annotation.Autowired;

import io.linkledger.projects.Project;
import io.linkledger.projects.Projects;
import tools.jackson.databind.JsonNode;

/**
 * A project's page and its Sales Tracking stage in Chromium: a duplicate email offers the
 * existing member, the stage puts members on a tier, and links, codes and dashboard links stay on
 * the project page, the offer page and the API after a reload.
 */
class ProjectStageBrowserTest extends ConsoleBrowserTest {

    @Autowired
    private Projects projects;

    @Test
    void duplicateEmailAddsTheExistingMemberAndGeneratedLinksStayWithTheirTier() {
        String summer = createOffer(Map.of("name", "Summer Sale", "type", "LINK_AND_CODE", "conversionType", "SALE",
                "currency", "USD", "destinationUrl", SHAREASALE_URL,
                "payouts", List.of(Map.of("name", "Default", "type", "CPS", "percent", "10"),
                        Map.of("name", "Gold", "type", "CPS", "percent", "15")))).get("id").asString();
        createOffer(Map.of("name", "Winter Drop", "type", "PROMO_CODE", "conversionType", "SALE", "currency", "USD",
                "payouts", List.of(Map.of("name", "Default", "type", "CPA", "amount", "4.00"))));
        String ana = createMember("Ana Lima", "ana@example.com").get("id").asString();
        Project project = projects.create(brand.id(), "Spring creators");
        Page page = signIn();
        page.navigate(api.baseUrl() + "/projects/" + project.id() + "?offer=" + summer);

        // Creating a member whose email exists: the page names them and adds them instead.
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Ana L.");
        page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).fill("Ana@Example.com");
        page.locator("button:has-text('Create and add')").click();
        assertThat(page.locator("#new-email-error")).hasText("Email already belongs to Ana Lima");
        assertThat(page.locator("#duplicate-member")).containsText("Ana Lima already has the email address ana@example.com");
        look(page, "project-duplicate-email");
        page.locator("#add-existing").click();
        assertThat(page.locator(".notice.good")).hasText("1 member added.");
        assertThat(page.locator("#project-members")).containsText("Ana Lima");
        assertThat(api.get("/api/v1/members").json().get("total").asInt()).isEqualTo(1);

        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Jane Doe");
        page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).fill("jane@example.com");
        page.locator("button:has-text('Create and add')").click();
        assertThat(page.locator("#project-members tbody tr")).hasCount(2);
        assertThat(page.locator("#project-members")).containsText("Not generated yet");

        // The stage: Jane on the Gold tier.
        assertThat(page.locator("#stage-offer")).hasText("Summer Sale");
        page.getByLabel("Payout tier").selectOption(new SelectOption().setLabel("Gold: 15% of each sale"));
        page.getByLabel("Select Jane Doe").check();
        page.locator("#generate").click();
        assertThat(page.locator("#generated tbody tr")).hasCount(1);
        assertThat(page.locator("#generated input[id^='stage-code-']")).hasValue("JANE10");
        assertThat(page.locator("#generated")).containsText("Gold");
        Locator jane = page.locator("#project-members tr:has-text('Jane Doe')");
        assertThat(jane.locator("input[id^='project-code-']")).hasValue("JANE10");
        assertThat(page.locator("#links-count")).hasText("1 of the 2 members shown have links and codes for Summer Sale.");
        look(page, "project-generated");

        String dashboard = jane.locator("input[id^='project-dashboard-']").inputValue();
        assertThat(dashboard).contains("/d/");
        assertThat(copy(page, "#project-members button[data-copy-target^='project-dashboard-']")).isEqualTo(dashboard);

        // After a reload: still there, with the tier.
        page.reload();
        jane = page.locator("#project-members tr:has-text('Jane Doe')");
        assertThat(jane.locator("input[id^='project-code-']")).hasValue("JANE10");
        assertThat(jane.locator("input[id^='project-dashboard-']")).hasValue(dashboard);
        assertThat(jane).containsText("Gold");
        assertThat(page.locator("#project-members tr:has-text('Ana Lima')")).containsText("Not generated yet");
        look(page, "project-page");

        page.getByLabel("Links and codes for").selectOption(new SelectOption().setLabel("Winter Drop (promo code)"));
        page.locator("form.offer-in-view button").click();
        assertThat(page.locator("#stage-offer")).hasText("Winter Drop");
        assertThat(page.locator("#links-count")).hasText("0 of the 2 members shown have links and codes for Winter Drop.");

        // The offer page and the API list Jane too, though she has no clicks yet.
        page.navigate(api.baseUrl() + "/offers/" + summer);
        Locator row = page.locator("#member-table tbody tr:has-text('Jane Doe')");
        assertThat(row.locator("input[id^='offer-code-']")).hasValue("JANE10");
        assertThat(row.locator("input[id^='offer-dashboard-']")).hasValue(dashboard);
        assertThat(row.locator("[data-tier]")).hasText("Gold");
        assertThat(row.locator("[data-col=clicks]")).hasText("0");
        look(page, "offer-page-members");

        JsonNode listed = api.get("/api/v1/offers/" + summer + "/members").json();
        assertThat(listed.get("total").asInt()).isEqualTo(1);
        JsonNode item = listed.get("items").get(0);
        assertThat(item.get("promoCode").asString()).isEqualTo("JANE10");
        assertThat(item.get("dashboardLink").asString()).isEqualTo(dashboard);
        assertThat(item.get("tier").get("name").asString()).isEqualTo("Gold");
        assertThat(projects.memberIds(brand.id(), project.id())).contains(java.util.UUID.fromString(ana));
    }
}
