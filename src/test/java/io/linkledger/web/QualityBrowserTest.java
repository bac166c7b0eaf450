package io.linkledger.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * Fraud and quality in the console: the brand's defaults in Settings (a bad one refused, then
 * saved), the offer form saying what an empty field inherits, and a member's quality summary.
 */
class QualityBrowserTest extends ConsoleBrowserTest {

    @Test
    void anAdminSetsBrandDefaultsAnOfferInheritsThemAndTheMemberPageSumsUpHolds() {
        String offerId = createLinkOffer("Socks").get("id").asString();
        String memberId = createMember("Ada Lovelace", "ada-" + UUID.randomUUID() + "@example.com").get("id")
                .asString();
        assign(offerId, memberId);
        Page page = signIn();

        page.navigate(api.baseUrl() + "/settings");
        page.locator("#quality-link").click();
        page.waitForURL("**/settings/quality");
        page.getByLabel("Maximum sale amount").fill("lots");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save defaults")).click();
        assertThat(page.locator("#quality-message")).containsText("were not saved");
        assertThat(page.locator("#maxSaleAmount")).hasAttribute("aria-invalid", "true");
        look(page, "quality-defaults-refused");

        page.getByLabel("Maximum sale amount").fill("100");
        page.getByLabel("Clicks per visitor a day").fill("5");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save defaults")).click();
        assertThat(page.locator("#quality-message")).containsText("The defaults were saved");
        assertThat(page.getByLabel("Maximum sale amount")).hasValue("100.00");
        // What applies where the brand sets nothing: the server's window.
        assertThat(page.locator("[data-inherited=visitorWindowMinutes]")).hasText("Server default: 60");
        look(page, "quality-defaults");

        page.navigate(api.baseUrl() + "/offers/" + offerId + "/edit");
        assertThat(page.locator("[data-inherited=maxSaleAmount]")).hasText("Brand default: 100.00");
        assertThat(page.locator("[data-inherited=maxCommission]")).hasText("Empty: no limit");
        page.getByLabel("Maximum commission").fill("3");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
        page.waitForURL("**/offers/" + offerId);
        page.navigate(api.baseUrl() + "/offers/" + offerId + "/edit");
        page.locator("#caps").scrollIntoViewIfNeeded();
        assertThat(page.getByLabel("Maximum commission")).hasValue("3.00");
        look(page, "quality-offer-form");

        String key = created(api.post("/api/v1/integrations", Map.of("type", "POSTBACK", "name", "Shop",
                "offerId", offerId))).get("key").asString();
        api.withKey(null).get("/postback/" + key + "?member_id=" + memberId + "&order_id=Q-1&amount=150.00");
        api.withKey(null).get("/postback/" + key + "?member_id=" + memberId + "&order_id=Q-2&amount=20.00");
        page.navigate(api.baseUrl() + "/members/" + memberId);
        assertThat(page.locator("#member-quality-overall")).containsText("50.0%");
        assertThat(page.locator("#member-quality tbody")).containsText("Socks");
        page.locator("#quality").scrollIntoViewIfNeeded();
        look(page, "quality-member");
    }
}
