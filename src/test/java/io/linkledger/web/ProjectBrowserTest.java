package io.linkledger.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;

import io.linkledger.support.Browsers;

/** A brand admin walks a project's Sales Tracking stage in Chromium, at desktop and phone width. */
class ProjectBrowserTest extends ConsoleBrowserTest {

    private void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot(name)).setFullPage(true));
    }

    @Test
    void createProjectAddMemberGenerateAndPreviewTheEmail() {
        createOffer(Map.of("name", "Summer Sale", "type", "LINK_AND_CODE", "conversionType", "SALE",
                "currency", "USD", "destinationUrl", SHAREASALE_URL,
                "payouts", List.of(Map.of("name", "Default", "type", "CPS", "percent", "10"))));
        Page page = signIn();

        page.navigate(api.baseUrl() + "/projects");
        page.getByLabel("Name").fill("Spring creators");
        page.locator("button:has-text('Create project')").click();
        page.waitForURL("**/projects/*");
        assertThat(page.locator("h1")).hasText("Spring creators");

        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Jane Doe");
        page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).fill("not an email");
        page.locator("button:has-text('Create and add')").click();
        assertThat(page.locator("#new-email-error")).isVisible();
        page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).fill("jane@example.com");
        page.locator("button:has-text('Create and add')").click();
        assertThat(page.locator("#project-members")).containsText("jane@example.com");
        shot(page, "project-members");

        assertThat(page.locator("#stage-offer")).hasText("Summer Sale");
        page.getByLabel("Select Jane Doe").check();
        page.locator("#generate").click();
        assertThat(page.locator("#generated")).containsText("Jane Doe");
        assertThat(page.locator("#generated input[id^='stage-code-']")).hasValue("JANE10");
        assertThat(page.locator("#generated input[id^='stage-dashboard-']")).hasCount(1);
        shot(page, "project-generated");

        page.locator("#to-send-step").click();
        assertThat(page.getByLabel("Subject")).hasValue("Your {{offer.name}} link and code from {{brand.name}}");
        page.locator("#preview-button").click();
        assertThat(page.locator("#preview-to")).hasText("jane@example.com");
        assertThat(page.locator("#preview-subject")).hasText("Your Summer Sale link and code from " + brand.name());
        assertThat(page.frameLocator("iframe.project-preview-html").locator("body")).containsText("Hi Jane");
        shot(page, "project-send-preview");

        page.getByLabel("Subject").fill("Hi {{member.nickname}}");
        page.locator("#preview-button").click();
        assertThat(page.locator("#email-subject-error")).containsText("member.nickname");
        page.getByLabel("Subject").fill("Your {{offer.name}} code");
        page.locator("#send-button").click();
        page.locator("#confirm-send").click();
        assertThat(page.locator("#stage-sent")).containsText("1 email is queued");
        assertThat(api.get("/api/v1/emails").json().get("total").asInt()).isEqualTo(1);
        shot(page, "project-sent");

        page.setViewportSize(390, 844);
        shot(page, "project-phone");
        page.setViewportSize(1280, 900);
        page.navigate(api.baseUrl() + "/projects");
        assertThat(page.locator("#projects")).containsText("Spring creators");
        shot(page, "projects-list");
    }
}
