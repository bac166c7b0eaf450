package io.linkledger.ledger;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;

import io.linkledger.brands.Role;
import io.linkledger.brands.Users;
import io.linkledger.support.Browsers;
import io.linkledger.support.Chromium;

/**
 * The Payments console in Chromium with PayPal and Stripe configured (WireMock standing in for
 * both): paying through PayPal when its answer is lost (UNKNOWN, then settled), and linking a card
 * on the card page. Stripe.js cannot be reached from this machine: for the card form a small
 * stand-in is served at js.stripe.com's address (the same calls our page makes: Stripe(),
 * elements().create("card").mount(), confirmCardSetup()), so what runs in the browser is our
 * page and script, and the server's side is the real one; without it the page says Stripe.js
 * could not load.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaymentProvidersBrowserTest extends LedgerApiTest {

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();

    /** Stands in for https://js.stripe.com/v3/: the SetupIntent "succeeds" as Stripe.js reports it. */
    private static final String STRIPE_JS_STAND_IN = """
            window.Stripe = function (publishableKey) {
              return {
                elements: function () {
                  return { create: function () {
                    return { mount: function (selector) {
                               document.querySelector(selector).textContent = "4242 4242 4242 4242  08/30  123";
                             },
                             on: function () {} };
                  } };
                },
                confirmCardSetup: function (clientSecret) {
                  window.confirmedWith = clientSecret;
                  return Promise.resolve({ setupIntent: { id: clientSecret.split("_secret_")[0], status: "succeeded" } });
                }
              };
            };
            """;

    @Autowired
    Users users;

    @BeforeEach
    void payPalToken() {
        payPal.token();
    }

    private Page signIn(BrowserContext context) {
        String email = "payer." + UUID.randomUUID() + "@example.com";
        users.create(brand.id(), email, "console password 1", Role.ADMIN);
        Page page = context.newPage();
        page.navigate(api.baseUrl() + "/login");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill("console password 1");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        return page;
    }

    private BrowserContext desktop() {
        return CHROMIUM.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)
                .setAcceptDownloads(true));
    }

    private BrowserContext phone() {
        return CHROMIUM.browser().newContext(new Browser.NewContextOptions().setViewportSize(390, 844));
    }

    private static void fitsTheScreen(Page page) {
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue()).as(page.url()).isLessThanOrEqualTo(0);
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot(name)).setFullPage(true));
    }

    @Test
    void payPalPaymentWhoseAnswerWasLostIsShownUnknownThenSettled() {
        String ada = newPayPalMember("Ada PayPal", "ada.console@paypal.example.test");
        approved(ada, "42.00");
        fund("50.00");
        payPal.connectionReset();
        BrowserContext context = desktop();
        List<String> errors = new ArrayList<>();
        Page page = signIn(context);
        page.onPageError(errors::add);

        page.navigate(api.baseUrl() + "/payments");
        page.getByLabel("Pay Ada PayPal").check();
        page.getByText("Review payment").click();
        assertThat(page.locator("#provider-PAYPAL")).isEnabled();
        page.locator("label[for=provider-PAYPAL]").click();
        shot(page, "payments-paypal-confirm");
        page.locator("#pay-button").click();

        assertThat(page.locator("#payment-unknown")).isVisible();
        assertThat(page.locator("#payment-unknown")).containsText("never paid twice");
        assertThat(page.locator("#payment-items")).containsText("Outcome unknown");
        assertThat(page.locator("#reconcile-form")).isVisible();
        shot(page, "payments-paypal-unknown");
        String paymentUrl = page.url();
        String paymentId = paymentUrl.substring(paymentUrl.lastIndexOf('/') + 1);
        assertThat(balance().get("available").asString()).isEqualTo("8.00");

        payPal.duplicate(true);
        payPal.batch(PayPalStubs.LINKED_BATCH, paymentId, "SUCCESS", List.of(PayPalStubs.Item.of(
                api.get("/api/v1/payments/" + paymentId).json().get("items").get(0), "SUCCESS")));
        page.locator("#refresh-payment").click();

        assertThat(page.locator("#payment-done")).isVisible();
        assertThat(page.locator("#payment-items")).containsText("PayPal: SUCCESS");
        shot(page, "payments-paypal-completed");
        page.navigate(api.baseUrl() + "/payments");
        assertThat(page.locator("#payments-history")).containsText("PayPal");
        assertThat(page.locator("#payments-history")).containsText("Completed");
        assertThat(errors).isEmpty();
        context.close();

        BrowserContext small = phone();
        Page onPhone = signIn(small);
        onPhone.navigate(paymentUrl);
        assertThat(onPhone.locator("#payment-items")).isVisible();
        fitsTheScreen(onPhone);
        shot(onPhone, "payments-paypal-phone");
        small.close();
    }

    @Test
    void cardIsLinkedOnTheCardPageAndATopUpShowsAsPendingWhileProcessing() {
        stripe.customer();
        stripe.createSetupIntent("requires_payment_method", null);
        stripe.retrieveSetupIntent("succeeded", stripe.cardId);
        stripe.card();
        BrowserContext context = desktop();
        context.route("https://js.stripe.com/**", route -> route.fulfill(new Route.FulfillOptions()
                .setStatus(200).setContentType("application/javascript").setBody(STRIPE_JS_STAND_IN)));
        List<String> errors = new ArrayList<>();
        Page page = signIn(context);
        page.onPageError(errors::add);

        page.navigate(api.baseUrl() + "/payments");
        page.locator("#link-card").click();
        assertThat(page.locator("h1")).hasText("Link a card");
        assertThat(page.locator("#card-element")).containsText("4242");
        assertThat(page.locator("#save-card")).isEnabled();
        page.getByLabel("Name on the card").fill("Ada Lovelace");
        shot(page, "payments-card-form");
        page.locator("#save-card").click();

        assertThat(page.locator(".notice.good")).containsText("Card linked");
        assertThat(page.locator("#card-on-file")).containsText("ending in 4242");
        assertThat(api.get("/api/v1/payment-methods").json().get("items").get(0).get("last4").asString())
                .isEqualTo("4242");

        stripe.createPaymentIntent("processing", 2500);
        page.getByLabel("Top-up amount (USD)").fill("25.00");
        page.getByText("Charge card").click();
        assertThat(page.locator(".notice.good")).containsText("processing");
        assertThat(page.locator("[data-figure=available]")).hasText("$0.00");
        assertThat(page.locator("[data-figure=pending-top-ups]")).hasText("$25.00");
        assertThat(page.locator("#card-charges")).containsText("Processing");
        shot(page, "payments-card-linked");
        assertThat(errors).isEmpty();
        context.close();

        BrowserContext small = phone();
        small.route("https://js.stripe.com/**", route -> route.fulfill(new Route.FulfillOptions()
                .setStatus(200).setContentType("application/javascript").setBody(STRIPE_JS_STAND_IN)));
        stripe.createSetupIntent("requires_payment_method", null);
        Page onPhone = signIn(small);
        onPhone.navigate(api.baseUrl() + "/payments/card");
        assertThat(onPhone.locator("#save-card")).isEnabled();
        fitsTheScreen(onPhone);
        shot(onPhone, "payments-card-phone");
        onPhone.navigate(api.baseUrl() + "/payments");
        fitsTheScreen(onPhone);
        shot(onPhone, "payments-overview-card-phone");
        small.close();
    }

    @Test
    void cardPageSaysSoWhenStripeJsCannotBeReached() {
        stripe.customer();
        stripe.createSetupIntent("requires_payment_method", null);
        BrowserContext context = desktop();
        context.route("https://js.stripe.com/**", Route::abort);
        Page page = signIn(context);

        page.navigate(api.baseUrl() + "/payments/card");

        assertThat(page.locator("#card-message")).containsText("Stripe.js");
        assertThat(page.locator("#save-card")).isDisabled();
        shot(page, "payments-card-unreachable");
        assertThat(api.get("/api/v1/payment-methods").json().get("items")).isEmpty();
        context.close();
    }
}
