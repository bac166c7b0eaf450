package io.linkledger.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;

import io.linkledger.support.Api;
import io.linkledger.support.Axe;
import io.linkledger.support.Browsers;
import tools.jackson.databind.JsonNode;

/**
 * The console's smaller fixes as a user meets them in Chromium: error pages in the layout,
 * the sign-in keeping the email, the Add Offer menu and date fields by keyboard, tables at phone
 * width, statuses and dates in words, the remittance network as a choice, and the charts' tables.
 */
class ConsolePolishBrowserTest extends ConsoleBrowserTest {

    @Test
    void aPageThatDoesNotExistIsAConsolePageAt404() {
        Page page = signIn();
        Response response = page.navigate(api.baseUrl() + "/offers/" + UUID.randomUUID());
        assertThat(response.status()).isEqualTo(404);
        assertThat(page.locator("h1")).hasText("Page not found");
        assertThat(page.locator("#error-detail")).containsText("does not exist");
        assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))).isVisible();
        look(page, "polish-error-404");
    }

    @Test
    void aWrongPasswordKeepsTheEmailTyped() {
        Page page = signIn();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        page.waitForURL("**/login?logout");
        page.getByLabel("Email").fill("someone@example.com");
        page.getByLabel("Password").fill("not the password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL("**/login?error");
        assertThat(page.locator("#sign-in-error")).isVisible();
        assertThat(page.getByLabel("Email")).hasValue("someone@example.com");
        assertThat(page.getByLabel("Password")).isFocused();
        look(page, "polish-sign-in-failed");
    }

    @Test
    void theAddOfferMenuAndTheDateFieldsShowTheirFocusAndEscClosesTheMenu() {
        Page page = signIn();
        Locator summary = page.locator(".add-offer summary");
        // Reach the menu by keyboard, as a keyboard user does (the ring is for keyboard focus).
        page.locator(".console-nav a").last().focus();
        tabUntil(page, summary);
        assertThat(outline(summary)).as("Add Offer button's focus ring").isNotEqualTo("none");
        page.keyboard().press("Enter");
        assertThat(page.locator(".add-offer")).hasAttribute("open", "");
        page.keyboard().press("Tab");
        Locator first = page.locator(".menu-list a").first();
        assertThat(first).isFocused();
        assertThat(outline(first)).as("menu entry's focus ring").isNotEqualTo("none");
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("polish-add-offer-menu-focus")));
        page.keyboard().press("Escape");
        assertThat(page.locator(".add-offer")).not().hasAttribute("open", "");
        assertThat(summary).isFocused();

        Locator from = page.locator("#range-from");
        tabUntil(page, from);
        assertThat(outline(from)).as("date field's focus ring").isNotEqualTo("none");
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("polish-date-focus")));
    }

    @Test
    void conversionsStackAtPhoneWidthAndApprovingNamesTheOrder() {
        String order = "ORDER-2026-11-LONG-REFERENCE-" + UUID.randomUUID();
        String offerId = conversion("Ada Lovelace", order);
        conversion("Bob Brown", "B-" + UUID.randomUUID());
        Page page = signIn();
        page.navigate(api.baseUrl() + "/conversions");
        assertThat(page.locator("#conversion-count")).hasText("2 conversions");
        Locator ada = page.locator("#conversions tbody tr:has-text('Ada Lovelace')");
        assertThat(ada.locator(".badge")).hasText("Pending");
        // The date is in words, not an ISO timestamp.
        assertThat(ada.locator("td[data-label=Date]")).not().containsText(Pattern.compile("\\d{4}-\\d{2}-\\d{2}"));
        assertThat(ada.locator("td[data-label=Date]")).containsText(Pattern.compile("\\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2}"));
        look(page, "polish-conversions");

        ada.locator("input[type=checkbox]").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve selected")).click();
        assertThat(page.locator("#bulk-result")).containsText("Order " + order + ": Approved");
        assertThat(page.locator("#bulk-result")).containsText("1 of 1 approved");

        page.navigate(api.baseUrl() + "/offers/" + offerId);
        page.locator("#offer-chart-data summary").click();
        Locator days = page.locator("#offer-chart-data tbody tr");
        assertThat(days).hasCount(30);
        assertThat(days.last()).containsText("$1,000.00");
        look(page, "polish-offer-chart-table");
    }

    @Test
    void theRemittanceNetworkIsAChoiceWithOther() {
        Page page = signIn();
        page.navigate(api.baseUrl() + "/payments");
        Locator network = page.getByLabel("Network", new Page.GetByLabelOptions().setExact(true));
        assertThat(network).hasValue("SHAREASALE");
        assertThat(page.locator("#remittance-other")).isHidden();
        network.selectOption("OTHER");
        assertThat(page.locator("#remittance-other")).isVisible();
        page.locator("#remittance-period").fill("2026-10");
        page.getByLabel("Amount received").fill("50.00");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record remittance")).click();
        assertThat(page.locator("#remittance-networkOther-error")).hasText("Name is required: name the network");
        assertThat(page.getByLabel("Network", new Page.GetByLabelOptions().setExact(true))).hasValue("OTHER");

        page.getByLabel("Other network's name").fill("Sovrn");
        page.locator("#remittance-amount").fill("50.00");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record remittance")).click();
        Locator recorded = page.locator("#remittances tbody tr").first();
        assertThat(recorded).containsText("Sovrn");
        assertThat(recorded).containsText("October 2026");
        assertThat(recorded.locator(".badge")).hasText("Pending");
        look(page, "polish-payments");
    }

    @Test
    void theMemberDashboardFitsA320PxScreenAndItsChartHasATable() {
        String offerId = createLinkOffer("Autumn " + UUID.randomUUID()).get("id").asString();
        String memberId = createMember("Liam Sherwood-Montgomery",
                "liam." + UUID.randomUUID() + "@example.com").get("id").asString();
        JsonNode assignment = assign(offerId, memberId).get(0);
        Page page = signIn();
        page.navigate(local(assignment.get("dashboardLink").asString()));
        page.setViewportSize(PHONE, 800);
        page.waitForTimeout(300);
        assertThat(page.locator("#earnings-chart-data tbody tr")).hasCount(30);
        assertThat(page.locator("#performance")).containsText("0 unique clicks in this period.");
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("polish-dashboard-320")).setFullPage(true));
        noSidewaysScrolling(page, "the member dashboard at 320 px");
        Axe.check(page, "the member dashboard at 320 px");
    }

    private static void tabUntil(Page page, Locator target) {
        for (int i = 0; i < 40 && !(Boolean) target.evaluate("el => el === document.activeElement"); i++) {
            page.keyboard().press("Tab");
        }
        assertThat(target).isFocused();
    }

    private static String outline(Locator element) {
        return (String) element.evaluate("el => getComputedStyle(el).outlineStyle");
    }

    /** A member of a new link offer with a pending conversion of a $1,000 sale: the offer's id. */
    private String conversion(String name, String orderId) {
        String offerId = createLinkOffer(name + " offer").get("id").asString();
        String memberId = createMember(name, "m-" + UUID.randomUUID() + "@example.com").get("id").asString();
        assign(offerId, memberId);
        JsonNode integration = created(api.post("/api/v1/integrations",
                Map.of("type", "POSTBACK", "name", "Shop " + UUID.randomUUID(), "offerId", offerId)));
        Api.Response postback = api.withKey(null).get("/postback/" + integration.get("key").asString() + "?"
                + query(Map.of("member_id", memberId, "order_id", orderId, "amount", "1000.00", "status", "pending")));
        assertThat(postback.status()).as(postback.toString()).isEqualTo(200);
        return offerId;
    }

    private static String query(Map<String, String> params) {
        return String.join("&", params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
    }

    private String local(String link) {
        URI uri = URI.create(link);
        return api.baseUrl() + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
