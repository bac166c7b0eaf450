package io.linkledger.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestInstance;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import io.linkledger.brands.Role;
import io.linkledger.support.Browsers;
import io.linkledger.support.Chromium;

/** A brand admin records a funding and makes a payment in Chromium, at desktop and phone width. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaymentsBrowserTest extends PaymentsConsoleTest {

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();

    private Page signIn(BrowserContext context) {
        String email = "payer." + UUID.randomUUID() + "@example.com";
        users.create(brand.id(), email, "console password 1", Role.ADMIN);
        Page page = context.newPage();
        page.navigate(api.baseUrl() + "/login");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill("console password 1");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Sign in")).click();
        return page;
    }

    @Test
    void adminFundsThenPaysSelectedMembersAfterConfirming() {
        String ada = owedMember("Ada Lovelace", "300.00");
        owedMember("Bob Brown", "120.00");
        created(api.post("/api/v1/balance/fundings", Map.of("amount", "20.00", "currency", "USD")));
        BrowserContext context = CHROMIUM.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        List<String> errors = new ArrayList<>();
        Page page = signIn(context);
        page.onPageError(errors::add);

        page.navigate(api.baseUrl() + "/payments");
        assertThat(page.locator("[data-figure=available]")).hasText("$20.00");
        page.getByLabel("Amount", new Page.GetByLabelOptions().setExact(true)).fill("25.00");
        page.getByText("Record funding").click();
        assertThat(page.locator(".notice.good")).containsText("Funding recorded");
        assertThat(page.locator("[data-figure=available]")).hasText("$45.00");
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("payments-desktop")).setFullPage(true));

        page.getByLabel("Pay Ada Lovelace").check();
        page.getByLabel("Amount for Ada Lovelace in USD").fill("12.50");
        page.getByText("Review payment").click();
        assertThat(page.locator("h1")).hasText("Confirm the payment");
        assertThat(page.locator("[data-figure=total]")).hasText("$12.50");
        assertThat(page.locator("[data-figure=balance-after]")).hasText("$32.50");
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("payments-confirm")).setFullPage(true));

        @SuppressWarnings("unchecked")
        List<List<String>> fields = (List<List<String>>) page.evaluate(
                "() => Array.from(new FormData(document.getElementById('pay-confirm-form')).entries())");
        assertThat(page.locator("#provider-MANUAL")).isChecked();
        assertThat(page.locator("#provider-PAYPAL")).isDisabled();
        page.locator("#pay-button").click();
        assertThat(page.locator("#payment-awaiting")).isVisible();
        assertThat(page.locator("#payment-items")).containsText("Ada Lovelace");
        assertThat(page.locator("#payment-items")).containsText("Awaiting your transfer");
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("payments-awaiting-transfer"))
                .setFullPage(true));
        com.microsoft.playwright.Download file = page.waitForDownload(() -> page.locator("#download-paypal").click());
        assertThat(file.suggestedFilename()).endsWith("-paypal.csv");
        try {
            assertThat(java.nio.file.Files.readString(file.path())).contains(",12.50,USD,");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        String resultUrl = page.url();
        page.locator("#confirm-transfer").click();
        assertThat(page.locator("#payment-done")).isVisible();
        assertThat(page.locator("#payment-notice")).containsText("Transfer confirmed");
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("payments-result")).setFullPage(true));
        assertThat(resultUrl).contains("/payments/");

        // The same confirmation submitted again (a double click, a resent form) pays nothing more.
        com.microsoft.playwright.options.FormData again = com.microsoft.playwright.options.FormData.create();
        fields.forEach(f -> again.append(f.get(0), f.get(1)));
        com.microsoft.playwright.APIResponse resent = context.request().post(api.baseUrl() + "/payments/pay",
                com.microsoft.playwright.options.RequestOptions.create().setForm(again));
        assertThat(resent.text()).contains("id=\"payment-replayed\"");
        assertThat(api.get("/api/v1/payments").json().get("items")).hasSize(1);
        assertThat(api.get("/api/v1/payments/overview").json().toString()).contains(ada);

        page.navigate(api.baseUrl() + "/payments");
        assertThat(page.locator("#payments-history tbody tr")).hasCount(1);
        assertThat(page.locator("[data-figure=available]")).hasText("$32.50");
        assertThat(errors).isEmpty();
        context.close();
    }

    @Test
    void paymentsFitAPhoneScreen() {
        owedMember("Ada Lovelace", "300.00");
        BrowserContext context = CHROMIUM.browser().newContext(new Browser.NewContextOptions().setViewportSize(390, 844));
        Page page = signIn(context);
        page.navigate(api.baseUrl() + "/payments");
        assertThat(page.locator("#members-owed")).isVisible();
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("payments-phone")).setFullPage(true));
        context.close();
    }

    /** Screenshots of the other two pages of this area, with data, at desktop width. */
    @Test
    void conversionsAndSettingsPagesRender() {
        String[] ada = pendingConversion("Ada Lovelace", "100.00");
        pendingConversion("Bob Brown", "40.00");
        BrowserContext context = CHROMIUM.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        Page page = signIn(context);

        page.navigate(api.baseUrl() + "/conversions");
        page.getByLabel("Select conversion", new Page.GetByLabelOptions().setExact(false)).first().check();
        page.getByText("Approve selected").click();
        assertThat(page.locator("#bulk-result")).containsText("1 of 1 approved");
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("conversions-desktop")).setFullPage(true));

        page.navigate(api.baseUrl() + "/settings");
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Warehouse sync");
        page.getByText("Create key").click();
        assertThat(page.locator("#new-api-key")).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("settings-key-created")));
        page.navigate(api.baseUrl() + "/settings");
        assertThat(page.locator("#api-keys")).containsText("Warehouse sync");
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("settings-desktop")).setFullPage(true));
        assertThat(ada[0]).isNotBlank();
        context.close();
    }
}
