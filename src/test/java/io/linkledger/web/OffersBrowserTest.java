package io.linkledger.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.linkledger.brands.Role;
import io.linkledger.brands.Users;
import io.linkledger.support.ApiTest;
import io.linkledger.support.Browsers;
import io.linkledger.support.Chromium;
import tools.jackson.databind.JsonNode;

/** A brand admin adds a Link Tracking Offer with a ShareASale destination link in Chromium. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OffersBrowserTest extends ApiTest {

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();

    private static final String PASSWORD = "offers browser password";
    private static final String SHAREASALE_LINK =
            "https://shareasale.com/r.cfm?b=1234&u=3353969&m=5678&urllink=&afftrack={transaction_id}";

    @Autowired
    private Users users;

    private Page signedIn(BrowserContext context, String email) {
        Page page = context.newPage();
        page.navigate(api.baseUrl() + "/login");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(Pattern.compile(".*/offers.*"));
        return page;
    }

    @Test
    void adminAddsALinkTrackingOfferWithAShareasaleLink() {
        String email = "admin." + UUID.randomUUID() + "@example.com";
        users.create(brand.id(), email, PASSWORD, Role.ADMIN);
        try (BrowserContext context = CHROMIUM.browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(1280, 900).setDeviceScaleFactor(1))) {
            Page page = signedIn(context, email);
            List<String> errors = new ArrayList<>();
            page.onPageError(errors::add);

            page.locator("summary", new Page.LocatorOptions().setHasText("Add Offer")).click();
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("offers-add-menu")));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("Link Tracking Offer"))).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Add Link Tracking Offer")))
                    .isVisible();
            assertThat(page.locator("input[name=trackingProtocol][value=SERVER_POSTBACK_TRANSACTION_ID]")).isChecked();
            assertThat(page.locator("#macro-help")).containsText("afftrack={transaction_id}");

            page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Autumn collection");
            page.getByLabel("Description").fill("20% off the autumn range for your followers");
            page.getByLabel("Destination URL").fill(SHAREASALE_LINK.replace("{transaction_id}", "{transaction}"));
            page.getByLabel("Tier 1 type").selectOption("CPS");
            page.getByLabel("Tier 1 percent").fill("12.5");
            page.getByLabel("Tier 2 name").fill("Top creators");
            page.getByLabel("Tier 2 type").selectOption("CPA_CPS");
            page.getByLabel("Tier 2 amount").fill("2.00");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create offer")).click();

            // A mistyped macro comes back next to the field with everything typed still there.
            assertThat(page.locator("#destinationUrl-error")).containsText("unknown macro {transaction}");
            assertThat(page.locator("#tiers-1-percent-error")).containsText("is required for CPA_CPS");
            assertThat(page.getByLabel("Tier 1 percent")).hasValue("12.5");
            assertThat(page.getByLabel("Tier 2 name")).hasValue("Top creators");
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("offers-form-errors")).setFullPage(true));

            page.getByLabel("Destination URL").fill(SHAREASALE_LINK);
            page.getByLabel("Tier 2 percent").fill("15");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create offer")).click();
            page.waitForURL(Pattern.compile(".*/offers/[0-9a-f-]{36}$"));
            String id = page.url().substring(page.url().lastIndexOf('/') + 1);

            JsonNode offer = api.get("/api/v1/offers/" + id).json();
            assertThat(offer.get("destinationUrl").asString()).isEqualTo(SHAREASALE_LINK);
            assertThat(offer.get("payouts")).hasSize(2);

            page.navigate(api.baseUrl() + "/offers");
            assertThat(page.locator("tr[data-offer='" + id + "'] a").first()).hasText("Autumn collection");
            assertThat(page.locator("tr[data-offer='" + id + "'] [data-figure=clicks]")).hasText("0");
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("offers-list-desktop")).setFullPage(true));

            page.navigate(api.baseUrl() + "/offers/" + id + "/edit");
            assertThat(page.getByLabel("Destination URL")).hasValue(SHAREASALE_LINK);
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("offers-edit-desktop")).setFullPage(true));

            page.setViewportSize(390, 844);
            page.navigate(api.baseUrl() + "/offers");
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("offers-list-phone")).setFullPage(true));
            page.navigate(api.baseUrl() + "/offers/new?type=LINK");
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("offers-form-phone")).setFullPage(true));
            assertThat(errors).isEmpty();
        }
    }
}
