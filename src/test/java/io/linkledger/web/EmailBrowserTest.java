package io.linkledger.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import com.microsoft.playwright.options.SelectOption;
import com.icegreen.greenmail.util.GreenMailUtil;

import io.linkledger.brands.Role;
import io.linkledger.brands.Users;
import io.linkledger.support.Axe;
import io.linkledger.support.Browsers;
import io.linkledger.support.Chromium;
import io.linkledger.support.MailTest;
import tools.jackson.databind.JsonNode;

/**
 * A brand admin writes, previews and sends Email Members and Send Sales Tracking Items in
 * Chromium, watches the delivery log fill in, and resends what failed while the SMTP server was
 * down; at desktop and phone width (down to 320 px), with visible focus and no WCAG 2.1 A/AA
 * violation that axe-core finds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmailBrowserTest extends MailTest {

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();

    private static final String PASSWORD = "email console password";

    @Autowired
    private Users users;

    private BrowserContext context;
    private final List<String> errors = new ArrayList<>();

    @BeforeAll
    void patientAssertions() {
        // Deliveries, retries and the log's 2-second refresh take longer than Playwright's 5 s default on a busy machine.
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
    }

    @AfterEach
    void closeContextAndBringSmtpBack() {
        if (context != null) {
            context.close();
        }
        if (!smtp().isRunning()) {
            startSmtp();
        }
    }

    private Page signedIn(int width, int height) {
        String email = "admin." + UUID.randomUUID() + "@example.com";
        users.create(brand.id(), email, PASSWORD, Role.ADMIN);
        context = CHROMIUM.browser().newContext(new Browser.NewContextOptions().setViewportSize(width, height)
                .setDeviceScaleFactor(1));
        Page page = context.newPage();
        page.setDefaultTimeout(30_000);
        page.onPageError(errors::add);
        page.onResponse(response -> {
            if (response.status() >= 500) {
                errors.add(response.status() + " " + response.url());
            }
        });
        page.navigate(api.baseUrl() + "/login");
        page.locator("#username").fill(email);
        page.locator("#password").fill(PASSWORD);
        page.locator("button[type=submit]").click();
        page.waitForURL(url -> !url.contains("/login"));
        return page;
    }

    private String offerWith(String type, String... names) {
        JsonNode offer = createOffer(Map.of("name", "Autumn Drop", "type", type, "conversionType", "SALE",
                "currency", "USD", "destinationUrl", SHAREASALE_URL,
                "payouts", List.of(Map.of("name", "Default", "type", "CPS", "percent", "15"))));
        String[] ids = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            ids[i] = createMember(names[i], address(names[i])).get("id").asString();
        }
        assign(offer.get("id").asString(), ids);
        return offer.get("id").asString();
    }

    private String address(String name) {
        return name.toLowerCase().replace(' ', '.') + "." + brand.id() + "@example.com";
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot(name)).setFullPage(true));
    }

    private static void fitsTheWidth(Page page) {
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow in px, past the edge: "
                + pastTheEdge(page, "body")).isLessThanOrEqualTo(0);
    }

    /** The elements inside {@code selector} that reach past the window's right edge, deepest last. */
    private static String pastTheEdge(Page page, String selector) {
        return (String) page.evaluate("s => [...document.querySelectorAll(s + ' *')]"
                + ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)"
                + ".map(e => e.tagName + '#' + e.id + '.' + e.className).slice(-5).join(', ')", selector);
    }

    /** The element the keyboard reached shows a focus ring of at least 2 px. */
    private static void focusIsVisible(Page page) {
        Object ring = page.evaluate("() => { const s = getComputedStyle(document.activeElement);"
                + " return s.outlineStyle !== 'none' ? parseFloat(s.outlineWidth) : 0; }");
        assertThat(((Number) ring).doubleValue()).as("outline of the focused element").isGreaterThanOrEqualTo(2);
    }

    @Test
    void emailMembersEditPreviewSendWatchTheLogAndResendWhatFailed() {
        String offer = offerWith("LINK", "Ada Park", "Ben Cho", "Cy Diaz");
        Page page = signedIn(1280, 900);
        page.navigate(api.baseUrl() + "/offers/" + offer + "/email");

        assertThat(page.getByLabel("Subject")).hasValue("Your {{offer.name}} performance dashboard");
        assertThat(page.locator("#preview-to")).containsText("@example.com");
        assertThat(page.frameLocator("iframe.project-preview-html").locator("a")).hasText("Open your dashboard");
        Axe.check(page, "the email screen");

        page.getByLabel("Email body").fill("""
                Hi {{member.first_name}},

                **Welcome** to {{offer.name}}. Your link: {{link}}

                [Open your dashboard]({{dashboard_link}})
                """);
        assertThat(page.frameLocator("iframe.project-preview-html").locator("strong")).hasText("Welcome");
        page.locator(".preview-text summary").click();
        assertThat(page.locator("#preview-text")).containsText("Open your dashboard (" + "https://track.example.test/d/");
        String firstTo = page.locator("#preview-to").textContent();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next member")).click();
        assertThat(page.locator("#preview-to")).not().hasText(firstTo);
        assertThat(page.locator(".preview-head")).containsText("Member 2 of 3");

        page.getByLabel("Email body").press("End");
        page.getByLabel("Email body").pressSequentially(" {{member.nick}}");
        assertThat(page.locator("#preview-problems")).containsText("unknown variable {{member.nick}}");
        page.getByLabel("Email body").fill("Hi {{member.first_name}}, **welcome**: [your dashboard]({{dashboard_link}})");
        assertThat(page.locator("#preview-problems")).hasCount(0);
        shot(page, "email-members-editor-desktop");

        page.locator("#send-button").click();
        assertThat(page.locator("#confirm-title")).hasText("Send this email to 3 members?");
        assertThat(page.locator("#confirm-send")).hasText("Send to 3 members");
        Axe.check(page, "the email screen");
        shot(page, "email-members-confirm-desktop");
        page.locator("#confirm-send").click();

        page.waitForURL("**/sends/*");
        assertThat(page.locator("h1")).hasText("Delivery log");
        assertThat(page.locator("[data-count=sent]")).hasText("3");
        assertThat(page.locator(".deliveries")).hasAttribute("data-refreshing", "false");
        assertThat(page.locator("#deliveries tr[data-status=SENT]")).hasCount(3);
        assertThat(page.locator("#delivery-status")).hasText("3 of 3 sent.");
        Axe.check(page, "the email screen");
        shot(page, "email-delivery-log-desktop");
        assertThat(receivedBy(address("Ben Cho"))).hasSize(1);

        stopSmtp();
        page.navigate(api.baseUrl() + "/offers/" + offer + "/email");
        page.locator("#send-button").click();
        page.locator("#confirm-send").click();
        page.waitForURL("**/sends/*");
        assertThat(page.locator("[data-count=failed]")).hasText("3");
        assertThat(page.locator("#deliveries tr[data-status=FAILED]").first()).containsText("Connection refused");
        assertThat(page.locator("#resend-failed")).hasText("Resend 3 failed emails");
        Axe.check(page, "the email screen");
        shot(page, "email-delivery-log-failed-desktop");

        startSmtp();
        String key = page.locator(".resend-form input[name=key]").inputValue();
        String csrf = page.locator(".resend-form input[name=_csrf]").inputValue();
        String resendUrl = page.url().replaceAll("\\?.*", "") + "/resend";
        page.locator("#resend-failed").click();
        assertThat(page.locator("#resend-notice")).hasText("3 failed emails are queued again.");
        assertThat(page.locator("[data-count=sent]")).hasText("3");
        assertThat(page.locator(".resends")).containsText("3 failed emails queued again");

        var again = page.request().post(resendUrl, RequestOptions.create()
                .setForm(FormData.create().set("_csrf", csrf).set("key", key)));
        assertThat(again.ok()).isTrue();
        assertThat(again.text()).contains("These failed emails were already queued again; nothing was queued twice.");
        page.reload();
        assertThat(page.locator(".resends li")).hasCount(1);
        assertThat(receivedBy(address("Ben Cho"))).as("the restarted server got the resent email").hasSize(1);

        page.navigate(api.baseUrl() + "/offers/" + offer + "/sends");
        assertThat(page.locator("#sends tbody tr")).hasCount(2);
        Axe.check(page, "the email screen");
        shot(page, "email-sends-desktop");

        page.navigate(api.baseUrl() + "/offers/" + offer + "/email");
        page.locator("#email-subject").focus();
        page.keyboard().press("Tab");
        assertThat(page.locator("#email-body")).isFocused();
        focusIsVisible(page);
        page.keyboard().press("Tab");
        assertThat(page.locator("#email-help summary")).isFocused();
        focusIsVisible(page);
        assertThat(errors).isEmpty();
    }

    @Test
    void atPhoneWidthEverythingFitsAndWorks() {
        String offer = offerWith("PROMO_CODE", "Dee Evans", "Eli Fox");
        for (int width : new int[] {390, 320}) {
            Page page = signedIn(width, 720);
            page.navigate(api.baseUrl() + "/offers/" + offer + "/email");
            assertThat(page.frameLocator("iframe.project-preview-html").locator("body")).containsText("promo code");
            fitsTheWidth(page);
            shot(page, "email-members-editor-phone-" + width);
            page.locator("#send-button").click();
            assertThat(page.locator("#confirm-title")).hasText("Send this email to 2 members?");
            fitsTheWidth(page);
            shot(page, "email-members-confirm-phone-" + width);
            page.locator("#confirm-send").click();
            page.waitForURL("**/sends/*");
            assertThat(page.locator("[data-count=sent]")).hasText("2");
            fitsTheWidth(page);
            Axe.check(page, "the email screen");
            shot(page, "email-delivery-log-phone-" + width);
            context.close();
            context = null;
        }
        assertThat(errors).isEmpty();
    }

    @Test
    void sendSalesTrackingItemsFromTheProjectStageAndOpenItsDeliveryLog() {
        String offer = offerWith("LINK_AND_CODE", "Gus Hale");
        JsonNode project = created(api.post("/api/v1/projects", Map.of("name", "Autumn creators")));
        String memberId = api.get("/api/v1/offers/" + offer + "/members").json().get("items").get(0).get("memberId")
                .asString();
        api.post("/api/v1/projects/" + project.get("id").asString() + "/members", Map.of("memberIds", List.of(memberId)));
        Page page = signedIn(390, 844);
        page.navigate(api.baseUrl() + "/projects/" + project.get("id").asString());
        page.getByLabel("Links and codes for").selectOption(new SelectOption().setLabel("Autumn Drop (link and code)"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
        page.getByLabel("Select Gus Hale").check();
        page.locator("#generate").click();
        assertThat(page.locator("#generated")).containsText("Gus Hale");
        page.locator("#to-send-step").click();
        assertThat(page.getByLabel("Subject")).hasValue("Your {{offer.name}} link and code from {{brand.name}}");
        assertThat(page.frameLocator("iframe.project-preview-html").locator("body")).containsText("Hi Gus");
        // The project page's table of generated links is the stage's first step and wider than a phone;
        // the email step itself must fit.
        assertThat(pastTheEdge(page, "#compose")).isEmpty();
        shot(page, "stage-send-editor-phone");

        page.locator("#send-button").click();
        assertThat(page.locator("#confirm-title")).hasText("Send this email to 1 member?");
        page.locator("#confirm-send").click();
        assertThat(page.locator("#stage-sent")).containsText("1 email is queued for sending.");
        shot(page, "stage-sent-phone");
        page.locator("#delivery-log-link").click();
        page.waitForURL("**/sends/*");
        assertThat(page.locator("[data-count=sent]")).hasText("1");
        assertThat(page.locator(".page-head")).containsText("from project Autumn creators");
        assertThat(GreenMailUtil.getBody(receivedBy(address("Gus Hale")).getFirst())).contains("Your promo code: ");
        assertThat(errors).isEmpty();
    }

}
