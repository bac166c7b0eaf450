package io.linkledger.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;


/** A held conversion on the Conversions page, released by an admin, and the caps on the offer form. */
class HeldConversionsBrowserTest extends ConsoleBrowserTest {

    @Test
    void anAdminSetsCapsThenReviewsAndReleasesAHeldConversion() {
        String offerId = createLinkOffer("Capped offer").get("id").asString();
        String memberId = createMember("Grace Hopper", "g-" + UUID.randomUUID() + "@example.com").get("id").asString();
        assign(offerId, memberId);
        String key = created(api.post("/api/v1/integrations", Map.of("type", "POSTBACK", "name", "Shop",
                "offerId", offerId))).get("key").asString();
        Page page = signIn();

        page.navigate(api.baseUrl() + "/offers/" + offerId + "/edit");
        page.getByLabel("Maximum sale amount").fill("50");
        page.getByLabel("Review pixel sales above").fill("20");
        look(page, "offer-form-caps");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
        page.waitForURL("**/offers/" + offerId);

        api.withKey(null).get("/postback/" + key + "?member_id=" + memberId + "&order_id=HELD-1&amount="
                + URLEncoder.encode("80.00", StandardCharsets.UTF_8));
        page.navigate(api.baseUrl() + "/conversions");
        page.getByLabel("Status").selectOption("HELD");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
        assertThat(page.locator("#conversions")).containsText("Held for review");
        assertThat(page.locator("#conversions")).containsText(
                "The sale of $80.00 is above the offer's maximum sale amount of $50.00.");
        look(page, "conversions-held");

        page.getByLabel("Select conversion HELD-1").check();
        page.getByText("Release held to pending").click();
        assertThat(page.locator("#bulk-result")).containsText("1 of 1 released to pending");
        look(page, "conversions-released");
    }
}
