package io.linkledger.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

import io.linkledger.support.Browsers;

/** The audit log in Chromium: an admin sees who changed what, narrows it down and downloads it. */
class AuditLogBrowserTest extends ConsoleBrowserTest {

    @Test
    void anAdminReadsWhoChangedWhatAsADiffFiltersItAndDownloadsIt() throws IOException {
        String member = createMember("Ada Lovelace", "ada." + UUID.randomUUID() + "@example.com").get("id").asString();
        api.patch("/api/v1/members/" + member, Map.of("name", "Ada King", "paypalEmail", "ada.paypal@example.com"));
        String offer = createLinkOffer("Winter socks").get("id").asString();
        api.put("/api/v1/offers/" + offer + "/caps", Map.of("maxSaleAmount", "500.00", "maxCommission", "50.00"));

        Page page = signIn();
        page.navigate(api.baseUrl() + "/settings");
        page.getByLabel("Brand name").fill("Sunny Socks");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save brand settings")).click();
        assertThat(page.locator("#settings-notice")).isVisible();

        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Audit log"))
                .click();
        page.waitForURL("**/audit");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Audit log"))).isVisible();
        Locator settingsRow = page.locator("tr[data-action='brand_settings.updated']");
        assertThat(settingsRow).containsText("admin.");
        assertThat(settingsRow.locator("table.audit-diff tr", new Locator.LocatorOptions()
                .setHasText("name"))).containsText("Sunny Socks");
        Locator renamed = page.locator("tr[data-action='member.updated']");
        assertThat(renamed).containsText("API key “test”");
        assertThat(renamed.locator("del").first()).hasText("Ada Lovelace");
        assertThat(renamed.locator("ins").first()).hasText("Ada King");
        look(page, "audit-log");
        page.setViewportSize(390, 800);
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("audit-log-390"))
                .setFullPage(true));
        noSidewaysScrolling(page, "audit log at 390 px");
        page.setViewportSize(DESKTOP, 900);

        page.getByLabel("What").selectOption(new SelectOption().setLabel("offer caps"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
        assertThat(page.locator("#audit-count")).hasText("1 entry");
        assertThat(page.locator("tr[data-action='offer_caps.updated'] ins").first()).hasText("500.00 USD");
        look(page, "audit-log-filtered");

        Download download = page.waitForDownload(() -> page.locator("#audit-csv").click());
        List<String> lines = Files.readAllLines(download.path());
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains("offer_caps.updated", offer, "API_KEY");
    }
}
