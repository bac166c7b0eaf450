package io.linkledger.security;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;

import io.linkledger.brands.Role;
import io.linkledger.brands.Users;
import io.linkledger.support.Browsers;
import io.linkledger.support.Chromium;

/**
 * The console's own scripts (htmx, Chart.js, static/js) work under its strict Content-Security-
 * Policy in a real browser: the chart draws, htmx swaps the member table, and the browser
 * reports no violation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleCspBrowserTest extends io.linkledger.support.ApiTest {

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();

    private static final String PASSWORD = "csp browser password";
    private static final String REPORT_VIOLATIONS = """
            window.__violations = [];
            document.addEventListener('securitypolicyviolation',
                e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));""";

    @Autowired
    private Users users;

    @Test
    void chartsAndHtmxWorkUnderTheConsolePolicy() {
        String email = "csp." + UUID.randomUUID() + "@example.com";
        users.create(brand.id(), email, PASSWORD, Role.ADMIN);
        String offerId = createLinkOffer("Policy offer").get("id").asString();
        assign(offerId, createMember("Ann Able", "ann." + UUID.randomUUID() + "@example.com").get("id").asString(),
                createMember("Zed Zulu", "zed." + UUID.randomUUID() + "@example.com").get("id").asString());

        try (BrowserContext context = CHROMIUM.browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(1280, 900))) {
            context.addInitScript(REPORT_VIOLATIONS);
            Page page = context.newPage();
            List<String> errors = new ArrayList<>();
            page.onPageError(errors::add);
            page.onConsoleMessage(m -> {
                // The browser asks for /favicon.ico on its own; the console has none (not a policy matter).
                if ("error".equals(m.type()) && !m.location().contains("/favicon.ico")) {
                    errors.add(m.text() + " at " + m.location());
                }
            });
            page.onResponse(r -> {
                if (r.status() >= 400) {
                    errors.add(r.status() + " " + r.url());
                }
            });

            Response login = page.navigate(api.baseUrl() + "/login");
            assertThat(login.headers().get("content-security-policy")).contains("script-src 'self'");
            page.locator("#username").fill(email);
            page.locator("#password").fill(PASSWORD);
            page.locator("button[type=submit]").click();
            page.waitForURL(url -> !url.contains("/login"));

            Response offer = page.navigate(api.baseUrl() + "/offers/" + offerId);
            assertThat(offer.headers().get("content-security-policy")).contains("frame-ancestors 'none'");
            assertThat(page.locator("#offer-chart[data-rendered=true]")).hasCount(1);
            page.locator("th a[data-sort=name]").click();
            assertThat(page.locator("th[aria-sort] a[data-sort=name]")).hasCount(1);
            page.navigate(api.baseUrl() + "/settings");
            assertThat(page.locator("h1")).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("console-settings-csp"))
                    .setFullPage(true));

            assertThat((List<?>) page.evaluate("() => window.__violations")).isEmpty();
            assertThat(errors).isEmpty();
        }
    }
}
