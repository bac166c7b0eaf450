package io.linkledger.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestInstance;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import io.linkledger.brands.Role;
import io.linkledger.support.Browsers;
import io.linkledger.support.Chromium;

/** A brand admin opens an offer in Chromium: KPIs, the chart, and sorting the member table. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfferPageBrowserTest extends OfferPageScenarioTest {

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();

    private Page signedIn(BrowserContext context) {
        Page page = context.newPage();
        page.navigate(api.baseUrl() + "/login");
        page.locator("#username").fill(adminEmail);
        page.locator("#password").fill(adminPassword);
        page.locator("button[type=submit]").click();
        page.waitForURL(url -> !url.contains("/login"));
        return page;
    }

    @Test
    void offerPageShowsKpisChartAndSortsTheMemberTable() throws Exception {
        Seeded s = seed();
        signInAs(Role.ADMIN);
        try (BrowserContext context = CHROMIUM.browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(1280, 900).setDeviceScaleFactor(1))) {
            Page page = signedIn(context);
            List<String> errors = new ArrayList<>();
            page.onPageError(errors::add);
            page.onConsoleMessage(m -> {
                if ("error".equals(m.type())) {
                    errors.add(m.text());
                }
            });

            page.navigate(api.baseUrl() + "/offers/" + s.offerId());

            assertThat(page.locator("h1")).hasText("Summer sale");
            assertThat(page.locator("[data-kpi=clicks]")).hasText("4");
            assertThat(page.locator("[data-kpi=conversions]")).hasText("1");
            assertThat(page.locator("[data-kpi=sales]")).hasText("$125.00");
            assertThat(page.locator("[data-kpi=commission]")).hasText("$12.50");
            assertThat(page.locator("#offer-chart[data-rendered=true]")).hasCount(1);
            Object days = page.evaluate("() => Chart.getChart('offer-chart').data.labels.length");
            assertThat(((Number) days).intValue()).isEqualTo(30);
            Object clicks = page.evaluate(
                    "() => Chart.getChart('offer-chart').data.datasets[1].data.reduce((a, b) => a + b, 0)");
            assertThat(((Number) clicks).intValue()).isEqualTo(4);
            assertThat(page.locator("#member-table tbody tr").first()).containsText("Jane Doe");
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("console-offer-desktop"))
                    .setFullPage(true));

            // Sorting by keyboard: focus the column link and press Enter; htmx swaps the table.
            page.locator("th a[data-sort=name]").focus();
            page.keyboard().press("Enter");
            assertThat(page.locator("th[aria-sort=ascending] a[data-sort=name]")).hasCount(1);
            assertThat(page.locator("#member-table tbody tr").first()).containsText("Jane Doe");
            page.locator("th a[data-sort=name]").click();
            assertThat(page.locator("th[aria-sort=descending] a[data-sort=name]")).hasCount(1);
            assertThat(page.locator("#member-table tbody tr").first()).containsText("Omar Haddad");
            assertThat(page).hasURL(api.baseUrl() + "/offers/" + s.offerId() + "?range=30&sort=name&dir=desc&page=1");
            assertThat(page.locator("#offer-chart[data-rendered=true]")).hasCount(1);

            page.locator(".segmented a", new Page.LocatorOptions().setHasText("7 days")).click();
            assertThat(page.locator(".segmented a[aria-current=true]")).hasText("7 days");
            page.waitForFunction("() => typeof Chart !== 'undefined' && Chart.getChart('offer-chart')?.data.labels.length === 7");
            assertThat(errors).isEmpty();
        }
        try (BrowserContext phone = CHROMIUM.browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(390, 844).setDeviceScaleFactor(1))) {
            Page page = signedIn(phone);
            page.navigate(api.baseUrl() + "/offers/" + s.offerId());
            assertThat(page.locator("#offer-chart[data-rendered=true]")).hasCount(1);
            Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
            assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("console-offer-phone"))
                    .setFullPage(true));
        }
    }
}
