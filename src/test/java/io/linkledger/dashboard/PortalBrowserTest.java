package io.linkledger.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestInstance;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import io.linkledger.support.Browsers;
import io.linkledger.support.Chromium;

/** A creator signs in to the portal with the link from the delivered email, sees their offers, opens one, signs out. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalBrowserTest extends DashboardScenario {

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();

    @Test
    void magicLinkSignsInShowsOffersAndSignsOut() throws InterruptedException {
        Seeded s = seedDashboard("Jane Doe");
        String secondOffer = createOffer(Map.of("name", "Gift cards", "type", "PROMO_CODE", "conversionType", "SALE",
                "currency", "USD", "payouts", List.of(Map.of("type", "CPA", "amount", "2")))).get("id").asString();
        assign(secondOffer, s.memberId());

        try (BrowserContext context = CHROMIUM.browser().newContext(new Browser.NewContextOptions().setViewportSize(390, 844))) {
            Page page = context.newPage();
            page.navigate(api.baseUrl() + "/portal");
            page.getByLabel("Email address").fill(s.memberEmail());
            page.getByText("Email me a sign-in link").click();
            assertThat(page.locator("h1")).hasText("Check your email");

            String link = signInPath(s.memberEmail(), 1);

            page.navigate(api.baseUrl() + link);
            page.locator("#sign-in").click();

            assertThat(page).hasURL(api.baseUrl() + "/portal/offers");
            assertThat(page.locator("#offers li")).hasCount(2);
            assertThat(page.locator("#offers")).containsText("Summer collection");
            assertThat(page.locator("#offers")).containsText("Gift cards");
            Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
            assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("portal-offers")).setFullPage(true));

            page.locator("#offers li", new Page.LocatorOptions().setHasText("Summer collection"))
                    .getByText("Open dashboard").click();
            assertThat(page.locator("#promo-code")).hasValue(s.promoCode());

            page.goBack();
            page.locator("#sign-out").click();
            assertThat(page.locator(".notice")).hasText("You are signed out.");
            page.navigate(api.baseUrl() + "/portal/offers");
            assertThat(page).hasURL(api.baseUrl() + "/portal");

            page.navigate(api.baseUrl() + link);
            assertThat(page.locator("h1")).hasText("Sign-in link not usable");
        }
    }

    @Test
    void signInPageLooksRightOnAPhone() {
        try (BrowserContext context = CHROMIUM.browser().newContext(new Browser.NewContextOptions().setViewportSize(390, 844))) {
            Page page = context.newPage();
            page.navigate(api.baseUrl() + "/portal");
            page.getByText("Email me a sign-in link").click();
            assertThat(page.locator("#email-error")).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("portal-sign-in-phone")));
            assertThat(page.title()).contains("Creator Portal");
        }
    }
}
