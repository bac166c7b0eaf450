package io.linkledger.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestInstance;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import io.linkledger.support.Browsers;
import io.linkledger.support.Chromium;

/** A member opens their dashboard link in Chromium, at phone and desktop sizes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest extends DashboardScenario {

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();

    private BrowserContext context;

    @BeforeEach
    void newContext() {
        context = null;
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    private Page open(int width, int height) {
        context = CHROMIUM.browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(width, height)
                .setDeviceScaleFactor(1)
                .setPermissions(List.of("clipboard-read", "clipboard-write")));
        return context.newPage();
    }

    @Test
    void dashboardShowsCodeLinkFiguresAndChartAndCopyWorks() {
        Seeded s = seedDashboard("Jane Doe");
        Page page = open(1280, 900);
        List<String> errors = new java.util.ArrayList<>();
        page.onPageError(errors::add);
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                errors.add(message.text());
            }
        });

        page.navigate(api.baseUrl() + "/d/" + s.token());

        assertThat(page.locator("#promo-code")).hasValue(s.promoCode());
        assertThat(page.locator("#tracking-link")).hasValue(s.trackingLink());
        assertThat(page.locator("[data-figure=commission-rule]")).hasText("10% of each sale");
        assertThat(page.locator("[data-figure=conversions]")).hasText("4");
        assertThat(page.locator("[data-figure=clicks]")).hasText("25");
        assertThat(page.locator("[data-figure=commission]")).hasText("$43.00");
        assertThat(page.locator("[data-figure=pending]")).hasText("$11.00");
        assertThat(page.locator("[data-figure=approved]")).hasText("$12.00");
        assertThat(page.locator("[data-figure=paid]")).hasText("$30.00");
        assertThat(page.locator("#conversions tbody tr")).hasCount(6);
        assertThat(page.locator("#payments tbody tr")).hasCount(1);
        assertThat(page.locator("#earnings-chart[data-rendered=true]")).hasCount(1);
        Object bars = page.evaluate("() => Chart.getChart('earnings-chart').data.labels.length");
        assertThat(((Number) bars).intValue()).isEqualTo(30);
        Object earned = page.evaluate(
                "() => Chart.getChart('earnings-chart').data.datasets[0].data.reduce((a, b) => a + b, 0)");
        assertThat(((Number) earned).doubleValue()).isEqualTo(43.0);

        page.locator("button[data-copy-target=promo-code]").click();
        assertThat(page.locator("button[data-copy-target=promo-code]")).hasText("Copied");
        assertThat(page.evaluate("() => navigator.clipboard.readText()")).isEqualTo(s.promoCode());
        page.locator("button[data-copy-target=tracking-link]").click();
        assertThat(page.evaluate("() => navigator.clipboard.readText()")).isEqualTo(s.trackingLink());
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("dashboard-desktop")).setFullPage(true));

        page.locator(".segmented a", new Page.LocatorOptions().setHasText("7 days")).click();
        assertThat(page.locator("[data-figure=conversions]")).hasText("3");
        assertThat(page).hasURL(api.baseUrl() + "/d/" + s.token() + "?range=7");
        page.waitForFunction("() => Chart.getChart('earnings-chart')?.data.labels.length === 7");
        page.locator(".segmented a", new Page.LocatorOptions().setHasText("All")).click();
        assertThat(page.locator("[data-figure=conversions]")).hasText("5");
        assertThat(errors).isEmpty();
    }

    @Test
    void dashboardFitsAPhoneScreen() {
        Seeded s = seedDashboard("Priya Patel");
        Page page = open(390, 844);

        page.navigate(api.baseUrl() + "/d/" + s.token());

        assertThat(page.locator("#earnings-chart[data-rendered=true]")).hasCount(1);
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
        Object copyVisible = page.evaluate(
                "() => document.querySelector('button[data-copy-target=tracking-link]').getBoundingClientRect().right");
        assertThat(((Number) copyVisible).doubleValue()).isLessThanOrEqualTo(390);
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("dashboard-phone")).setFullPage(true));
    }

    @Test
    void theBrandsLogoAndNameHeadTheDashboardOnAPhone() {
        Seeded s = seedDashboard("Priya Patel");
        assertThat(api.patch("/api/v1/brand", java.util.Map.of("name", "Sunny Socks", "logo", logo())).status())
                .isEqualTo(200);
        Page page = open(390, 844);

        page.navigate(api.baseUrl() + "/d/" + s.token());

        assertThat(page.locator(".page-head .brand-line")).hasText("Sunny Socks");
        assertThat(page.locator(".page-head img.brand-logo")).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("dashboard-brand-phone")));
    }

    /** A 96×48 PNG: an orange sun on a yellow ground, drawn here so the screenshot shows a real logo. */
    private static String logo() {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(96, 48,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(new java.awt.Color(0xFFE08A));
        g.fillRect(0, 0, 96, 48);
        g.setColor(new java.awt.Color(0xE8590C));
        g.fillOval(30, 6, 36, 36);
        g.dispose();
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", png);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(png.toByteArray());
    }

    @Test
    void unknownAndRevokedLinksShowClearPages() {
        Seeded s = seedDashboard("Jane Doe");
        api.delete("/api/v1/offers/" + s.offerId() + "/members/" + s.memberId() + "/dashboard-link");
        Page page = open(390, 844);

        page.navigate(api.baseUrl() + "/d/" + s.token());
        assertThat(page.locator("h1")).hasText("This link was revoked");
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("dashboard-revoked")));

        page.navigate(api.baseUrl() + "/d/not-a-real-token");
        assertThat(page.locator("h1")).hasText("Dashboard not found");
    }
}
