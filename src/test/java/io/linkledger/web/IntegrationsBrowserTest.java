package io.linkledger.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.linkledger.support.Api;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A brand admin manages integrations in Chromium: the list, a new Shopify and pixel integration, rotate, disable. */
class IntegrationsBrowserTest extends ConsoleBrowserTest {

    private static final String SECRET = "shpss_browser_test_secret_0123456789";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private String codeOffer(String name) {
        return createOffer(Map.of("name", name, "type", "PROMO_CODE", "conversionType", "SALE", "currency", "USD",
                "payouts", List.of(Map.of("name", "Default", "type", "CPS", "percent", "10")))).get("id").asString();
    }

    private String clickedLink(JsonNode assignment) {
        Api.Response click = api.withKey(null).send(api.withKey(null)
                .request(java.net.URI.create(assignment.get("trackingLink").asString()).getPath())
                .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"));
        String location = click.header("Location");
        return location.substring(location.indexOf("afftrack=") + "afftrack=".length());
    }

    @Test
    void createsAShopifyIntegrationShowsTopicsAndTheCheckAndListsIt() throws Exception {
        String offer = codeOffer("Promo Drop");
        String member = createMember("Mia Lopez", "mia." + UUID.randomUUID() + "@example.com").get("id").asString();
        String code = assign(offer, member).get(0).get("promoCode").asString();
        Page page = signIn();

        page.navigate(api.baseUrl() + "/integrations");
        assertThat(page.locator("#no-integrations")).isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New integration")).click();
        look(page, "integrations-new");
        page.locator("#integration-kinds a:has-text('Shopify')").click();
        page.getByLabel("Name").fill("My shop");
        page.getByLabel("Promo Drop").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create integration")).click();
        // No secret: refused, nothing made, what was typed kept.
        assertThat(page.locator("#integration-secret-error")).containsText("required for Shopify");
        assertThat(page.getByLabel("Name")).hasValue("My shop");
        assertThat(page.getByLabel("Promo Drop")).isChecked();
        assertThat(count("select count(*) from integrations where brand_id = ?", brand.id())).isZero();
        look(page, "integrations-new-shopify-refused");

        page.getByLabel("Signing secret").fill(SECRET);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create integration")).click();

        assertThat(page.locator("h1")).hasText("My shop is ready");
        String address = copy(page, "button[data-copy-target=inbound-url]");
        assertThat(address).matches("https?://.+/webhooks/shopify/[A-Za-z0-9_-]{30,}");
        assertThat(page.locator("#shopify-topics")).containsText("orders/paid");
        assertThat(page.locator("#shopify-topics")).containsText("orders/cancelled");
        assertThat(page.locator("#shopify-topics")).containsText("refunds/create");
        look(page, "integrations-shopify-created");

        Api.Response delivered = deliver(address, paidOrder(code));
        assertThat(delivered.status()).as(delivered.toString()).isEqualTo(200);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Check deliveries")).click();
        assertThat(page.locator("#delivery-log tbody tr").first()).containsText("Credited");
        assertThat(page.locator("#fed-offers")).hasText("Promo Drop");
        look(page, "integrations-shopify-page");

        page.navigate(api.baseUrl() + "/integrations");
        assertThat(page.locator("#integrations tbody tr")).hasCount(1);
        assertThat(page.locator("#integrations tbody tr").first()).containsText("Shopify");
        assertThat(page.locator("#integrations tbody tr").first()).containsText("Promo Drop");
        assertThat(page.locator("#integrations tbody tr").first()).containsText("Credited");
        assertThat(page.locator("#integrations tbody tr").first()).containsText("Enabled");
        look(page, "integrations-list");

        // A code-only offer shows no click figures, and its page lists the integration feeding it.
        page.navigate(api.baseUrl() + "/offers/" + offer);
        assertThat(page.locator("[data-kpi=clicks]")).hasCount(0);
        assertThat(page.locator("[data-kpi=epc]")).hasCount(0);
        assertThat(page.locator("#integration article.integration")).hasCount(1);
        assertThat(page.locator("#integration")).containsText("My shop");
    }

    @Test
    void createsAPixelWithTheSnippetToPaste() {
        String offer = createLinkOffer("Summer sale").get("id").asString();
        Page page = signIn();

        page.navigate(api.baseUrl() + "/integrations/new?type=PIXEL&offerId=" + offer);
        assertThat(page.getByLabel("Summer sale")).isChecked();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create integration")).click();

        String snippet = copy(page, "button[data-copy-target=pixel-snippet]");
        assertThat(snippet).matches("<img src=\"https?://.+/px/[A-Za-z0-9_-]{30,}\\.gif\\?order_id=\\{order_id}"
                + "&amount=\\{amount}&currency=USD\" width=\"1\" height=\"1\" alt=\"\">");
        assertThat(page.locator("#pixel-hint")).containsText("{order_id}");
        look(page, "integrations-pixel-created");
    }

    @Test
    void rotatesWithAGracePeriodDisablesAndShowsEachOfferOnlyItsIntegrations() {
        String offer = createLinkOffer("Summer sale").get("id").asString();
        String other = createLinkOffer("Winter sale").get("id").asString();
        String member = createMember("Liam Park", "liam." + UUID.randomUUID() + "@example.com").get("id").asString();
        JsonNode assignment = assign(offer, member).get(0);
        JsonNode network = created(api.post("/api/v1/integrations", Map.of("type", "POSTBACK", "name", "Network",
                "offerIds", List.of(offer))));
        created(api.post("/api/v1/integrations", Map.of("type", "SHAREASALE", "name", "Winter network",
                "offerIds", List.of(other))));
        String oldKey = network.get("key").asString();
        Page page = signIn();

        page.navigate(api.baseUrl() + "/offers/" + offer);
        assertThat(page.locator("#integration article.integration")).hasCount(1);
        assertThat(page.locator("#integration")).containsText("Network");
        assertThat(page.locator("#integration")).not().containsText("Winter network");

        page.navigate(api.baseUrl() + "/integrations/" + network.get("id").asString());
        assertThat(page.getByLabel("Old address keeps working for")).hasValue("24");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rotate key")).click();

        assertThat(page.locator("h1")).hasText("New address for Network");
        assertThat(page.locator("#grace-until")).containsText("UTC");
        String newUrl = copy(page, "button[data-copy-target=inbound-url]");
        look(page, "integrations-rotated");
        String newKey = newUrl.substring(newUrl.lastIndexOf('/') + 1);
        assertThat(newKey).isNotEqualTo(oldKey);
        assertThat(postback(oldKey, clickedLink(assignment), "R-1").status()).isEqualTo(200);
        assertThat(postback(newKey, clickedLink(assignment), "R-2").status()).isEqualTo(200);

        page.navigate(api.baseUrl() + "/integrations/" + network.get("id").asString());
        assertThat(page.locator("#old-key-until")).containsText("Still works until");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Disable integration")).click();
        assertThat(page.locator("#integration-notice")).containsText("Disabled");
        assertThat(page.locator("#integration-status")).hasText("Disabled");
        Api.Response refused = postback(newKey, clickedLink(assignment), "R-3");
        assertThat(refused.status()).isEqualTo(403);
        page.reload();
        assertThat(page.locator("#delivery-log tbody tr").first()).containsText("Refused");
        assertThat(page.locator("#delivery-log tbody tr").first()).containsText("disabled");
        look(page, "integrations-disabled");

        // Renamed, and feeding the other offer too.
        page.locator("#integration-name").fill("Impact");
        page.getByLabel("Winter sale").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator("#integration-notice")).hasText("Saved.");
        assertThat(page.locator("h1")).containsText("Impact");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enable integration")).click();
        assertThat(page.locator("#integration-status")).hasText("Enabled");
        assertThat(postback(newKey, clickedLink(assignment), "R-4").status()).isEqualTo(200);
        page.navigate(api.baseUrl() + "/offers/" + other);
        assertThat(page.locator("#integration article.integration")).hasCount(2);
    }

    private Api.Response postback(String key, String tid, String orderId) {
        return api.withKey(null).get("/postback/" + key + "?transaction_id=" + tid + "&order_id=" + orderId
                + "&amount=80.00");
    }

    /** Shopify's published orders/paid sample, made a paid order of today with this discount code. */
    private static String paidOrder(String code) throws IOException {
        try (InputStream in = IntegrationsBrowserTest.class
                .getResourceAsStream("/counterparties/shopify/webhook-orders-paid.json")) {
            ObjectNode order = (ObjectNode) JSON.readTree(in.readAllBytes());
            order.put("financial_status", "paid").putNull("cancelled_at");
            order.putNull("cancel_reason");
            order.put("test", false);
            order.put("created_at", OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).withNano(0).toString());
            order.putArray("discount_codes").addObject().put("code", code).put("amount", "10.00")
                    .put("type", "fixed_amount");
            return JSON.writeValueAsString(order);
        }
    }

    private Api.Response deliver(String address, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        Api client = api.withKey(null);
        return client.send(client.request(java.net.URI.create(address).getPath())
                .header("Content-Type", "application/json")
                .header("X-Shopify-Topic", "orders/paid")
                .header("X-Shopify-Webhook-Id", UUID.randomUUID().toString())
                .header("X-Shopify-Hmac-Sha256", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.UTF_8))));
    }
}
