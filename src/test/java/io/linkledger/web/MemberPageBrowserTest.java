package io.linkledger.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;

import io.linkledger.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * A member's page in Chromium: their offers with link, code, dashboard link (copy buttons), tier
 * and figures, their payments, and the forms that change their promo code and commission.
 */
class MemberPageBrowserTest extends ConsoleBrowserTest {

    private static final Pattern AFFTRACK = Pattern.compile("afftrack=([A-Za-z0-9]+)");

    private String linkOffer;
    private String codeOffer;
    private String liam;
    private String liamLink;

    /** Liam in a link offer (one click, one approved $200 sale, paid) and a code offer; Olivia holds OLIVIA10. */
    private void seed() {
        linkOffer = createOffer(Map.of("name", "Summer Sale", "type", "LINK", "conversionType", "SALE",
                "currency", "USD", "destinationUrl", SHAREASALE_URL,
                "payouts", List.of(Map.of("name", "Default", "type", "CPS", "percent", "10"),
                        Map.of("name", "Gold", "type", "CPS", "percent", "15")))).get("id").asString();
        codeOffer = createOffer(Map.of("name", "Promo Drop", "type", "PROMO_CODE", "conversionType", "SALE",
                "currency", "USD", "payouts", List.of(Map.of("name", "Default", "type", "CPA", "amount", "5.00"))))
                .get("id").asString();
        createOffer(Map.of("name", "Autumn Launch", "type", "LINK", "conversionType", "SALE", "currency", "USD",
                "destinationUrl", SHAREASALE_URL, "payouts", List.of(Map.of("name", "Default", "type", "CPS",
                        "percent", "8"))));
        liam = createMember("Liam Park", "liam@example.com").get("id").asString();
        String olivia = createMember("Olivia Stone", "olivia@example.com").get("id").asString();
        liamLink = assign(linkOffer, liam).get(0).get("trackingLink").asString();
        assign(codeOffer, liam);
        assign(codeOffer, olivia);

        String path = URI.create(liamLink).getPath();
        Api.Response click = api.withKey(null).send(api.withKey(null).request(path)
                .header("User-Agent", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1"));
        Matcher tid = AFFTRACK.matcher(click.header("Location"));
        assertThat(tid.find()).isTrue();
        JsonNode integration = created(api.post("/api/v1/integrations", Map.of("type", "POSTBACK", "name", "Server")));
        assertThat(api.withKey(null).get("/postback/" + integration.get("key").asString() + "?transaction_id="
                + tid.group(1) + "&order_id=A-1&amount=200.00").status()).isEqualTo(200);
        String conversion = api.get("/api/v1/conversions?memberId=" + liam).json().get("items").get(0).get("id")
                .asString();
        assertThat(api.post("/api/v1/conversions/" + conversion + "/approve", Map.of()).status()).isEqualTo(200);
        created(api.post("/api/v1/balance/fundings", Map.of("amount", "100.00", "currency", "USD")));
        Api.Response paid = api.send(api.request("/api/v1/payments").header("Content-Type", "application/json")
                .header("Idempotency-Key", "pay-liam").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"items\":[{\"memberId\":\"" + liam + "\"}]}")));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        // A manual payment is paid once the brand confirms it sent the money.
        String paymentId = paid.json().get("id").asString();
        assertThat(api.post("/api/v1/payments/" + paymentId + "/confirm-transfer", Map.of()).status()).isEqualTo(200);
    }

    @Test
    void memberPageShowsOffersLinksFiguresAndPaymentsAndChangesCodeTierAndCommission() {
        seed();
        Page page = signIn();
        page.navigate(api.baseUrl() + "/members");
        page.locator("#member-list a:has-text('Liam Park')").click();
        page.waitForURL("**/members/" + liam);

        Locator summer = page.locator("#offer-" + linkOffer);
        assertThat(summer.locator("input[id^='member-link-']")).hasValue(liamLink);
        assertThat(summer.locator("input[id^='member-dashboard-']")).hasValue(Pattern.compile(".*/d/[A-Za-z0-9_-]+"));
        assertThat(summer.locator("[data-figure=clicks]")).hasText("1");
        assertThat(summer.locator("[data-figure=conversions]")).hasText("1");
        assertThat(summer.locator("[data-figure=sales]")).hasText("$200.00");
        assertThat(summer.locator("[data-figure=commission]")).hasText("$20.00");
        assertThat(summer.locator("[data-tier]")).hasText("Default");
        Locator drop = page.locator("#offer-" + codeOffer);
        assertThat(drop.locator("input[id^='member-code-']")).hasValue("LIAM10");
        assertThat(drop.locator("[data-figure=clicks]")).hasCount(0);
        assertThat(drop.locator("[data-figure=epc]")).hasCount(0);
        assertThat(page.locator("#member-payments")).containsText("$20.00");
        assertThat(page.locator("#member-payments")).containsText("Paid");
        look(page, "member-page");

        assertThat(copy(page, "#offer-" + linkOffer + " button[data-copy-target^='member-link-']")).isEqualTo(liamLink);
        String dashboard = summer.locator("input[id^='member-dashboard-']").inputValue();
        assertThat(copy(page, "#offer-" + linkOffer + " button[data-copy-target^='member-dashboard-']"))
                .isEqualTo(dashboard);

        // Promo code: taken by another member (ignoring case), then a free one.
        drop.getByLabel("Change promo code").fill("olivia10");
        drop.locator("button:has-text('Save code')").click();
        drop = page.locator("#offer-" + codeOffer);
        assertThat(drop.locator(".field-error")).containsText("already used by another member");
        assertThat(drop.getByLabel("Change promo code")).hasValue("olivia10");
        look(page, "member-page-code-taken");
        assertThat(api.get("/api/v1/offers/" + codeOffer + "/members/" + liam).json().get("promoCode").asString())
                .isEqualTo("LIAM10");
        drop.getByLabel("Change promo code").fill("LiamSummer");
        drop.locator("button:has-text('Save code')").click();
        assertThat(page.locator("#notice")).hasText("Liam Park's promo code is now LiamSummer.");
        assertThat(page.locator("#offer-" + codeOffer + " input[id^='member-code-']")).hasValue("LiamSummer");

        // Tier, then a commission of his own: refused without a percent, then saved.
        summer = page.locator("#offer-" + linkOffer);
        summer.getByLabel("Payout tier").selectOption(new SelectOption().setLabel("Gold: 15% of each sale"));
        summer.locator("button:has-text('Save commission')").click();
        assertThat(page.locator("#notice")).hasText("Liam Park now earns 15% of each sale in Summer Sale.");
        assertThat(page.locator("#offer-" + linkOffer + " [data-tier]")).hasText("Gold");
        summer = page.locator("#offer-" + linkOffer);
        summer.getByLabel("Kind").selectOption("CPS");
        summer.locator("button:has-text('Save commission')").click();
        summer = page.locator("#offer-" + linkOffer);
        assertThat(summer.locator("[id^='override-percent-'][id$='-error']")).containsText("Percent is required for CPS");
        assertThat(api.get("/api/v1/offers/" + linkOffer + "/members/" + liam).json().get("commissionOverride")
                .isNull()).isTrue();
        summer.getByLabel("Percent").fill("20");
        summer.locator("button:has-text('Save commission')").click();
        assertThat(page.locator("#notice")).hasText("Liam Park now earns 20% of each sale in Summer Sale.");
        assertThat(page.locator("#offer-" + linkOffer + " [data-tier]")).hasText("Custom");
        JsonNode assignment = api.get("/api/v1/offers/" + linkOffer + "/members/" + liam).json();
        assertThat(assignment.get("tier").get("name").asString()).isEqualTo("Gold");
        assertThat(assignment.get("commissionOverride").get("percent").asString()).isEqualTo("20");

        // Into a third offer from his page: link and dashboard link at once.
        page.getByLabel("Add Liam Park to an offer").selectOption(new SelectOption().setLabel("Autumn Launch"));
        page.locator("button:has-text('Add and generate links')").click();
        assertThat(page.locator("#notice")).hasText("Liam Park was added to Autumn Launch.");
        assertThat(page.locator(".member-offer")).hasCount(3);
        look(page, "member-page-three-offers");
    }

    @Test
    void aCodeOnlyOfferPageShowsNoClicksAndListsEveryMemberWithTheirCode() {
        seed();
        Page page = signIn();
        page.navigate(api.baseUrl() + "/offers/" + codeOffer);
        assertThat(page.locator("[data-kpi=conversions]")).hasText("0");
        assertThat(page.locator("[data-kpi=clicks]")).hasCount(0);
        assertThat(page.locator("[data-kpi=epc]")).hasCount(0);
        assertThat(page.locator("#member-table th")).containsText(new String[] {"Member", "Links and code",
                "Conversions", "Sales", "Commission"});
        assertThat(page.locator("#member-table tbody tr")).hasCount(2);
        assertThat(page.locator("#member-table input[id^='offer-code-']")).hasCount(2);
        assertThat(page.locator("#member-table input[id^='offer-link-']")).hasCount(0);
        look(page, "offer-code-only");

        page.navigate(api.baseUrl() + "/offers/" + linkOffer);
        assertThat(page.locator("[data-kpi=clicks]")).hasText("1");
        assertThat(page.locator("#member-table input[id^='offer-link-']")).hasValue(liamLink);
        look(page, "offer-link-members");
    }
}
