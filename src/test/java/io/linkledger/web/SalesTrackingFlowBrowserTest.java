package io.linkledger.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
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

/**
 * The seed's whole Sales Tracking flow as a brand walks it in Chromium: sign in, add a ShareASale
 * link offer, add a member to a project, generate the link, follow it, receive the network's
 * postback, see it on the offer page, approve it, fund and pay, and see it on the member's dashboard.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SalesTrackingFlowBrowserTest extends ApiTest {

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();

    private static final String PASSWORD = "sales tracking flow password";
    private static final String SHAREASALE_LINK =
            "https://shareasale.com/r.cfm?b=1234&u=3353969&m=5678&afftrack={transaction_id}";
    private static final String BROWSER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    @Autowired
    private Users users;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void brandTracksASaleFromLinkToPaymentOnTheMembersDashboard() throws Exception {
        String email = "admin." + UUID.randomUUID() + "@example.com";
        users.create(brand.id(), email, PASSWORD, Role.ADMIN);
        List<String> errors = new ArrayList<>();
        try (BrowserContext context = CHROMIUM.browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(1280, 900).setDeviceScaleFactor(1))) {
            Page page = context.newPage();
            page.onPageError(errors::add);
            page.onResponse(response -> {
                if (response.status() >= 500) {
                    errors.add(response.status() + " " + response.url());
                }
            });

            // 1. Sign in.
            page.navigate(api.baseUrl() + "/login");
            shot(page, "flow-00-login");
            page.getByLabel("Email").fill(email);
            page.getByLabel("Password").fill(PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            page.waitForURL(Pattern.compile(".*/offers.*"));
            assertThat(page.locator("h1")).isVisible();
            shot(page, "flow-01-offers");

            // 2. Add a Link Tracking Offer with a ShareASale destination link, 10% of each sale.
            page.navigate(api.baseUrl() + "/offers/new?type=LINK");
            page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("ShareASale spring sale");
            page.getByLabel("Destination URL").fill(SHAREASALE_LINK);
            page.getByLabel("Tier 1 type").selectOption("CPS");
            page.getByLabel("Tier 1 percent").fill("10");
            shot(page, "flow-02-add-offer");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create offer")).click();
            page.waitForURL(Pattern.compile(".*/offers/[0-9a-f-]{36}$"));
            String offerId = page.url().substring(page.url().lastIndexOf('/') + 1);
            assertThat(page.locator("h1")).hasText("ShareASale spring sale");
            assertThat(page.locator("[data-kpi=clicks]")).hasText("0");
            JsonNode offer = api.get("/api/v1/offers/" + offerId).json();
            assertThat(offer.get("type").asString()).isEqualTo("LINK");
            assertThat(offer.get("destinationUrl").asString()).isEqualTo(SHAREASALE_LINK);
            assertThat(offer.get("payouts").get(0).get("type").asString()).isEqualTo("CPS");

            // 3. A project with a test member created inline.
            page.navigate(api.baseUrl() + "/projects");
            page.getByLabel("Name").fill("Spring creators");
            page.locator("button:has-text('Create project')").click();
            page.waitForURL("**/projects/*");
            assertThat(page.locator("h1")).hasText("Spring creators");
            page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Tess Tester");
            page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).fill("tess@example.com");
            page.locator("button:has-text('Create and add')").click();
            assertThat(page.locator("#project-members")).containsText("tess@example.com");

            // 4. Sales Tracking stage for the offer in view (the brand's only one): select the member, generate.
            assertThat(page.locator("#stage-offer")).hasText("ShareASale spring sale");
            page.getByLabel("Select Tess Tester").check();
            page.locator("#generate").click();
            assertThat(page.locator("#generated tbody tr")).hasCount(1);
            assertThat(page.locator("#generated")).containsText("Tess Tester");
            String trackingLink = page.locator("#generated input[id^='stage-link-']").inputValue();
            String dashboardLink = page.locator("#generated input[id^='stage-dashboard-']").inputValue();
            assertThat(trackingLink).contains("/r/");
            assertThat(dashboardLink).contains("/d/");
            shot(page, "flow-03-project-generated");

            // 5. Follow the tracking link as a shopper's browser would: 302 to ShareASale with the transaction id.
            HttpResponse<String> redirect = http.send(HttpRequest.newBuilder(local(trackingLink))
                    .header("User-Agent", BROWSER_AGENT).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(redirect.statusCode()).isEqualTo(302);
            String location = redirect.headers().firstValue("Location").orElseThrow();
            assertThat(location).startsWith("https://shareasale.com/r.cfm?b=1234&u=3353969&m=5678&afftrack=");
            Matcher tid = Pattern.compile("[?&]afftrack=([^&]+)").matcher(location);
            assertThat(tid.find()).isTrue();
            String transactionId = URLDecoder.decode(tid.group(1), StandardCharsets.UTF_8);
            assertThat(transactionId).isNotBlank().doesNotContain("{");

            // 6. Create the ShareASale integration on the offer page, then ShareASale's postback of a $125 sale.
            page.navigate(api.baseUrl() + "/offers/" + offerId);
            page.locator("#integration-type").selectOption("SHAREASALE");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create integration")).click();
            assertThat(page.locator("#created-integration")).isVisible();
            String postbackUrl = page.locator("#created-url").inputValue();
            assertThat(postbackUrl).contains("/postback/").contains("afftrack=!!afftrack!!");
            shot(page, "flow-04-integration-created");
            ZoneId zone = ZoneId.of(api.get("/api/v1/integrations").json().get("items").get(0)
                    .get("timeZone").asString());
            String transDate = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
                    .format(Instant.now().minus(1, ChronoUnit.MINUTES).atZone(zone));
            String postback = postbackUrl.substring(0, postbackUrl.indexOf('?')) + "?afftrack="
                    + enc(transactionId) + "&transID=88001&orderNumber=ORDER-1001&amountOfSale=125.00"
                    + "&commission=12.50&transDate=" + enc(transDate) + "&transtype=sale&merchantID=5678";
            HttpResponse<String> received = http.send(HttpRequest.newBuilder(local(postback)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(received.statusCode()).as(received.body()).isBetween(200, 299);

            // 7. The click and the conversion on the offer page, and the chart.
            page.navigate(api.baseUrl() + "/offers/" + offerId);
            assertThat(page.locator("[data-kpi=clicks]")).hasText("1");
            assertThat(page.locator("[data-kpi=conversions]")).hasText("1");
            assertThat(page.locator("[data-kpi=sales]")).hasText("$125.00");
            assertThat(page.locator("[data-kpi=commission]")).hasText("$12.50");
            assertThat(page.locator("#offer-chart[data-rendered=true]")).hasCount(1);
            assertThat(chartTotal(page, "Clicks")).isEqualTo(1.0);
            assertThat(chartTotal(page, "Conversions")).isEqualTo(1.0);
            assertThat(chartTotal(page, "Sales (USD)")).isEqualTo(125.0);
            assertThat(page.locator("#member-table tbody tr").first()).containsText("Tess Tester");
            assertThat(page.locator(".recent-requests")).containsText("afftrack=" + transactionId);
            shot(page, "flow-05-offer-page");

            // 8. Approve the conversion in bulk on /conversions.
            page.navigate(api.baseUrl() + "/conversions");
            assertThat(page.locator("#conversions tbody tr")).hasCount(1);
            assertThat(page.locator("#conversions tbody tr").first()).containsText("Tess Tester");
            page.getByLabel("Select conversion ORDER-1001").check();
            page.getByText("Approve selected").click();
            assertThat(page.locator("#bulk-result")).containsText("1 of 1 approved");
            shot(page, "flow-06-conversions-approved");
            JsonNode conversions = api.get("/api/v1/conversions").json().get("items");
            assertThat(conversions).hasSize(1);
            assertThat(conversions.get(0).get("status").asString()).isEqualTo("APPROVED");

            // 9. Record a funding and pay the member what they are owed.
            page.navigate(api.baseUrl() + "/payments");
            page.getByLabel("Amount", new Page.GetByLabelOptions().setExact(true)).fill("50.00");
            page.getByText("Record funding").click();
            assertThat(page.locator(".notice.good")).containsText("Funding recorded");
            assertThat(page.locator("[data-figure=available]")).hasText("$50.00");
            assertThat(page.locator("#members-owed")).containsText("Tess Tester");
            assertThat(page.getByLabel("Amount for Tess Tester in USD")).hasValue("12.50");
            page.getByLabel("Pay Tess Tester").check();
            shot(page, "flow-07-payments");
            page.getByText("Review payment").click();
            assertThat(page.locator("h1")).hasText("Confirm the payment");
            assertThat(page.locator("[data-figure=total]")).hasText("$12.50");
            assertThat(page.locator("[data-figure=balance-after]")).hasText("$37.50");
            page.locator("#pay-button").click();
            assertThat(page.locator("#payment-awaiting")).isVisible();
            page.locator("#confirm-transfer").click();
            assertThat(page.locator("#payment-done")).isVisible();
            assertThat(page.locator("#payment-items")).containsText("Tess Tester");
            shot(page, "flow-08-payment-made");
            page.navigate(api.baseUrl() + "/payments");
            assertThat(page.locator("#payments-history tbody tr")).hasCount(1);
            assertThat(page.locator("[data-figure=available]")).hasText("$37.50");

            // 10. The member's dashboard: the conversion paid, the payment received.
            page.navigate(local(dashboardLink).toString());
            assertThat(page.locator("#tracking-link")).hasValue(trackingLink);
            assertThat(page.locator("[data-figure=paid]")).hasText("$12.50");
            assertThat(page.locator("[data-figure=pending]")).hasText("$0.00");
            assertThat(page.locator("#conversions tbody tr")).hasCount(1);
            assertThat(page.locator("#conversions tbody tr").first()).containsText("$125.00");
            assertThat(page.locator("#conversions tbody tr").first()).containsText("Paid");
            assertThat(page.locator("#payments tbody tr")).hasCount(1);
            assertThat(page.locator("#payments tbody tr").first()).containsText("$12.50");
            shot(page, "flow-09-member-dashboard");
        }
        assertThat(errors).isEmpty();
    }

    /** Links carry the configured public base URL; the test server listens on a random port. */
    private URI local(String link) {
        URI uri = URI.create(link);
        return URI.create(api.baseUrl() + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    /** The sum of one dataset of the offer chart, as Chart.js holds it. */
    private static double chartTotal(Page page, String label) {
        Object total = page.evaluate("label => Number(Chart.getChart('offer-chart').data.datasets"
                + ".find(d => d.label === label).data.reduce((a, b) => Number(a) + Number(b), 0))", label);
        return ((Number) total).doubleValue();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot(name)).setFullPage(true));
    }
}
