package io.linkledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.stream.Collectors;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.linkledger.brands.Role;
import io.linkledger.brands.Users;
import io.linkledger.support.Api;
import io.linkledger.support.ApiTest;
import tools.jackson.databind.JsonNode;

/** Sales Tracking in the console: the offer list with its figures, and adding and editing offers through the form. */
class OffersPageTest extends ApiTest {

    private static final Pattern AFFTRACK = Pattern.compile("afftrack=([A-Za-z0-9]+)");
    private static final String PASSWORD = "offers console password";

    @Autowired
    private Users users;

    private OffersConsole signIn(Role role) throws Exception {
        String email = role.name().toLowerCase() + "." + UUID.randomUUID() + "@example.com";
        users.create(brand.id(), email, PASSWORD, role);
        return new OffersConsole(api.baseUrl(), email, PASSWORD);
    }

    private String follow(String trackingLink, String userAgent) {
        String path = URI.create(trackingLink).getPath();
        Api.Response redirect = api.withKey(null).send(api.withKey(null).request(path).header("User-Agent", userAgent));
        assertThat(redirect.status()).isEqualTo(302);
        Matcher tid = AFFTRACK.matcher(redirect.header("Location"));
        assertThat(tid.find()).isTrue();
        return tid.group(1);
    }

    /** The table cell of one figure in the row of one offer. */
    private static String figure(String page, String offerId, String name) {
        int row = page.indexOf("data-offer=\"" + offerId + "\"");
        assertThat(row).as("row of offer " + offerId).isNotNegative();
        Matcher m = Pattern.compile("data-figure=\"" + name + "\">([^<]*)<").matcher(page);
        assertThat(m.find(row)).as(name).isTrue();
        return m.group(1);
    }

    private static Map<String, String> linkOfferForm(String name) {
        Map<String, String> form = new HashMap<>();
        form.put("name", name);
        form.put("description", "Autumn collection");
        form.put("type", "LINK");
        form.put("conversionType", "SALE");
        form.put("currency", "USD");
        form.put("status", "ACTIVE");
        form.put("trackingProtocol", "SERVER_POSTBACK_TRANSACTION_ID");
        form.put("destinationUrl", SHAREASALE_URL);
        form.put("fallbackUrl", "");
        form.put("allowedDeepLinkHosts", "shop.example.com\n*.example.org");
        form.put("startsOn", "");
        form.put("endsOn", "");
        form.put("attributionWindowDays", "45");
        form.put("defaultTier", "0");
        form.put("tiers[0].name", "Default");
        form.put("tiers[0].type", "CPS");
        form.put("tiers[0].amount", "");
        form.put("tiers[0].percent", "10");
        form.put("tiers[1].name", "Top creators");
        form.put("tiers[1].type", "CPA_CPS");
        form.put("tiers[1].amount", "2.50");
        form.put("tiers[1].percent", "15");
        form.put("tiers[2].name", "");
        form.put("tiers[2].type", "");
        form.put("tiers[2].amount", "");
        form.put("tiers[2].percent", "");
        return form;
    }

    private long offerCount() {
        return api.get("/api/v1/offers").json().get("total").asLong();
    }

    @Test
    void listShowsEachOffersFiguresForTheChosenRange() throws Exception {
        String offer = createLinkOffer("Summer sale").get("id").asString();
        String quiet = createLinkOffer("Quiet offer").get("id").asString();
        String member = createMember("Jane Doe", "jane." + UUID.randomUUID() + "@example.com").get("id").asString();
        String link = assign(offer, member).get(0).get("trackingLink").asString();
        String tid = follow(link, "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1");
        follow(link, "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/140.0 Safari/537.36");
        follow(link, "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0");
        follow(link, "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0");
        JsonNode integration = created(api.post("/api/v1/integrations", Map.of("type", "POSTBACK", "name", "Server")));
        assertThat(api.withKey(null).get("/postback/" + integration.get("key").asString()
                + "?transaction_id=" + tid + "&order_id=A-1001&amount=125.00").status()).isEqualTo(200);

        OffersConsole console = signIn(Role.ADMIN);
        HttpResponse<String> response = console.get("/offers?days=7");

        assertThat(response.statusCode()).isEqualTo(200);
        String page = response.body();
        assertThat(page).contains("href=\"/offers/" + offer + "\"", "Summer sale", "Quiet offer");
        assertThat(figure(page, offer, "clicks")).isEqualTo("4");
        assertThat(figure(page, offer, "unique-clicks")).isEqualTo("3");
        assertThat(figure(page, offer, "conversions")).isEqualTo("1");
        assertThat(figure(page, offer, "sales")).isEqualTo("$125.00");
        assertThat(figure(page, offer, "commission")).isEqualTo("$12.50");
        assertThat(figure(page, offer, "conversion-rate")).isEqualTo("25.00%");
        assertThat(figure(page, offer, "epc")).isEqualTo("$3.13");
        assertThat(figure(page, quiet, "clicks")).isEqualTo("0");
        assertThat(figure(page, quiet, "epc")).isEqualTo("–");
        assertThat(page).contains("Add Offer", "/offers/new?type=LINK", "/offers/new?type=PROMO_CODE");

        // A range that ends before today leaves today's clicks out.
        String past = console.get("/offers?from=2020-01-01&to=2020-01-31").body();
        assertThat(figure(past, offer, "clicks")).isEqualTo("0");
        assertThat(past).contains("value=\"2020-01-01\"");
        // A bad date is reported next to the range, not as an error page.
        HttpResponse<String> bad = console.get("/offers?from=yesterday");
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("id=\"range-error\"", "is not a date");
    }

    @Test
    void archivedOffersAreBehindTheToggleAndActionsChangeStatus() throws Exception {
        String offer = createLinkOffer("Winter sale").get("id").asString();
        OffersConsole console = signIn(Role.ADMIN);
        console.get("/offers");

        HttpResponse<String> paused = console.post("/offers/" + offer + "/status", Map.of("status", "PAUSED"));
        assertThat(paused.statusCode()).isEqualTo(302);
        assertThat(api.get("/api/v1/offers/" + offer).json().get("status").asString()).isEqualTo("PAUSED");
        assertThat(console.get("/offers").body()).contains("Winter sale", "status-paused");

        console.post("/offers/" + offer + "/status", Map.of("status", "ARCHIVED"));
        assertThat(api.get("/api/v1/offers/" + offer).json().get("status").asString()).isEqualTo("ARCHIVED");
        String afterArchive = console.get("/offers").body();
        assertThat(afterArchive).contains("is now archived").doesNotContain("data-offer=\"" + offer + "\"");
        assertThat(console.get("/offers").body()).doesNotContain("Winter sale");
        assertThat(console.get("/offers?archived=true").body()).contains("data-offer=\"" + offer + "\"", "Winter sale");
    }

    @Test
    void createWithErrorsShowsThemNextToTheFieldsKeepsInputAndWritesNothing() throws Exception {
        OffersConsole console = signIn(Role.ADMIN);
        assertThat(console.get("/offers/new?type=LINK").body())
                .contains("value=\"SERVER_POSTBACK_TRANSACTION_ID\" checked", "{transaction_id}",
                        "https://shareasale.com/r.cfm?b=..&amp;u=..&amp;m=..&amp;afftrack={transaction_id}",
                        "name=\"tiers[0].type\"", "name=\"tiers[1].type\"");
        long before = offerCount();
        Map<String, String> form = linkOfferForm("Broken offer");
        form.put("destinationUrl", "https://shareasale.com/r.cfm?b=1&afftrack={click_ref}");
        form.put("tiers[1].percent", "150");

        HttpResponse<String> response = console.post("/offers", form);

        assertThat(response.statusCode()).isEqualTo(200);
        String page = response.body();
        assertThat(page).contains("The offer was not saved");
        assertThat(page).containsPattern("id=\"destinationUrl-error\"[^>]*>\\s*<span>unknown macro \\{click_ref}");
        assertThat(page).containsPattern("id=\"tiers-1-percent-error\"[^>]*>\\s*<span>must be more than 0 and at most 100");
        assertThat(page).contains("id=\"destinationUrl\" name=\"destinationUrl\"")
                .contains("aria-describedby=\"macro-help destinationUrl-error\" aria-invalid=\"true\"");
        assertThat(page).contains("value=\"https://shareasale.com/r.cfm?b=1&amp;afftrack={click_ref}\"",
                "value=\"Broken offer\"", "value=\"150\"", "value=\"Top creators\"", "value=\"45\"");
        assertThat(offerCount()).isEqualTo(before);
    }

    @Test
    void errorsInALaterTierRowPointAtThatRowWhenEarlierRowsAreEmpty() throws Exception {
        OffersConsole console = signIn(Role.ADMIN);
        console.get("/offers/new?type=LINK");
        Map<String, String> form = linkOfferForm("Gappy offer");
        form.put("tiers[0].name", "");
        form.put("tiers[0].type", "");
        form.put("tiers[0].percent", "");
        form.put("tiers[2].name", "Third");
        form.put("tiers[2].type", "CPA");
        form.put("defaultTier", "1");

        String page = console.post("/offers", form).body();

        assertThat(page).containsPattern("id=\"tiers-2-amount-error\"[^>]*>\\s*<span>is required for CPA");
        assertThat(page).doesNotContain("id=\"tiers-1-amount-error\"");
    }

    @Test
    void createSucceedsAndRedirectsToTheOffer() throws Exception {
        OffersConsole console = signIn(Role.ADMIN);
        console.get("/offers/new?type=LINK");

        HttpResponse<String> response = console.post("/offers", linkOfferForm("Autumn sale"));

        assertThat(response.statusCode()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/offers/[0-9a-f-]{36}");
        String id = location.substring(location.lastIndexOf('/') + 1);
        JsonNode offer = api.get("/api/v1/offers/" + id).json();
        assertThat(offer.get("name").asString()).isEqualTo("Autumn sale");
        assertThat(offer.get("type").asString()).isEqualTo("LINK");
        assertThat(offer.get("trackingProtocol").asString()).isEqualTo("SERVER_POSTBACK_TRANSACTION_ID");
        assertThat(offer.get("destinationUrl").asString()).isEqualTo(SHAREASALE_URL);
        assertThat(offer.get("attributionWindowDays").asInt()).isEqualTo(45);
        assertThat(offer.toString()).contains("shop.example.com", "*.example.org");
        JsonNode payouts = offer.get("payouts");
        assertThat(payouts).hasSize(2);
        assertThat(payouts.get(0).get("name").asString()).isEqualTo("Default");
        assertThat(payouts.get(0).get("percent").asString()).isEqualTo("10");
        assertThat(payouts.get(0).get("isDefault").asBoolean()).isTrue();
        assertThat(payouts.get(1).get("type").asString()).isEqualTo("CPA_CPS");
        assertThat(payouts.get(1).get("amount").asString()).isEqualTo("2.50");
    }

    @Test
    void capsAreSetOnTheFormAndABadCapSavesNeitherTheOfferNorItsCaps() throws Exception {
        String id = createLinkOffer("Capped sale").get("id").asString();
        OffersConsole console = signIn(Role.ADMIN);
        assertThat(console.get("/offers/" + id + "/edit").body()).contains("Fraud and quality",
                "id=\"maxSaleAmount\" name=\"maxSaleAmount\"");

        Map<String, String> form = linkOfferForm("Capped sale, renamed");
        form.put("maxSaleAmount", "-5");
        form.put("maxConversionsPerClick", "two");
        HttpResponse<String> rejected = console.post("/offers/" + id, form);
        assertThat(rejected.statusCode()).isEqualTo(200);
        assertThat(rejected.body()).contains("Conversions per click</a>: must be a whole number")
                .contains("id=\"maxConversionsPerClick-error\"").contains("value=\"two\"");
        form.put("maxConversionsPerClick", "1");
        rejected = console.post("/offers/" + id, form);
        assertThat(rejected.body()).contains("Maximum sale amount</a>: must not be negative");
        assertThat(api.get("/api/v1/offers/" + id).json().get("name").asString()).isEqualTo("Capped sale");

        form.put("maxSaleAmount", "250");
        form.put("pixelReviewAbove", "99.50");
        assertThat(console.post("/offers/" + id, form).statusCode()).isEqualTo(302);
        JsonNode caps = api.get("/api/v1/offers/" + id + "/caps").json();
        assertThat(caps.get("maxSaleAmount").asString()).isEqualTo("250.00");
        assertThat(caps.get("pixelReviewAbove").asString()).isEqualTo("99.50");
        assertThat(caps.get("maxConversionsPerClick").asInt()).isEqualTo(1);
        assertThat(caps.get("maxCommission").isNull()).isTrue();
        assertThat(console.get("/offers/" + id + "/edit").body()).contains("value=\"250.00\"", "value=\"99.50\"");
    }

    @Test
    void promoCodeFormDefaultsToTheShopWebhook() throws Exception {
        OffersConsole console = signIn(Role.ADMIN);
        assertThat(console.get("/offers/new?type=PROMO_CODE").body())
                .contains("Add Promo Code Offer", "value=\"SHOP_WEBHOOK\" checked");
    }

    @Test
    void editShowsTheOfferAndSavesChanges() throws Exception {
        String id = createLinkOffer("Spring sale").get("id").asString();
        OffersConsole console = signIn(Role.ADMIN);

        String page = console.get("/offers/" + id + "/edit").body();
        assertThat(page).contains("value=\"Spring sale\"", "value=\"10\"", "action=\"/offers/" + id + "\"");

        Map<String, String> form = linkOfferForm("Spring sale, extended");
        form.put("defaultTier", "1");
        HttpResponse<String> saved = console.post("/offers/" + id, form);
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("/offers/" + id);
        JsonNode offer = api.get("/api/v1/offers/" + id).json();
        assertThat(offer.get("name").asString()).isEqualTo("Spring sale, extended");
        assertThat(offer.get("payouts")).hasSize(2);
        assertThat(offer.get("payouts").get(1).get("isDefault").asBoolean()).isTrue();

        form.put("name", " ");
        form.put("endsOn", "someday");
        HttpResponse<String> rejected = console.post("/offers/" + id, form);
        assertThat(rejected.statusCode()).isEqualTo(200);
        assertThat(rejected.body()).contains("id=\"endsAt-error\"", "is not a date");
        assertThat(api.get("/api/v1/offers/" + id).json().get("name").asString()).isEqualTo("Spring sale, extended");

        form.put("name", "Spring sale, extended");
        form.put("endsOn", "2030-06-01");
        assertThat(console.post("/offers/" + id, form).statusCode()).isEqualTo(302);
        assertThat(api.get("/api/v1/offers/" + id).json().get("endsAt").asString()).startsWith("2030-06-01T00:00");
        form.put("endsOn", "");
        HttpResponse<String> cleared = console.post("/offers/" + id, form);
        assertThat(cleared.body()).containsPattern("id=\"endsAt-error\"[^>]*>\\s*<span>cannot be removed once set");
        assertThat(api.get("/api/v1/offers/" + id).json().get("endsAt").asString()).startsWith("2030-06-01T00:00");
    }

    @Test
    void viewersSeeTheListButNoChangeButtons() throws Exception {
        String offer = createLinkOffer("Read-only offer").get("id").asString();
        OffersConsole console = signIn(Role.VIEWER);

        String page = console.get("/offers").body();

        assertThat(page).contains("Read-only offer", "href=\"/offers/" + offer + "\"");
        assertThat(page).doesNotContain("Add Offer", "/edit", "name=\"status\"");
        assertThat(console.get("/offers/new?type=LINK").headers().firstValue("Location").orElseThrow())
                .endsWith("/offers");
        assertThat(console.get("/offers/" + offer + "/edit").headers().firstValue("Location").orElseThrow())
                .endsWith("/offers/" + offer);
        assertThat(console.post("/offers", linkOfferForm("Sneaky")).statusCode()).isEqualTo(403);
    }

    @Test
    void anotherBrandsOfferCannotBeEdited() throws Exception {
        OffersConsole console = signIn(Role.ADMIN);
        var other = brands.create("Other brand " + UUID.randomUUID());
        String otherKey = brands.createKey(other.id(), "other").plainText();
        String foreign = created(api.withKey(otherKey).post("/api/v1/offers", Map.of(
                "name", "Theirs", "type", "LINK", "conversionType", "SALE", "currency", "USD",
                "destinationUrl", SHAREASALE_URL,
                "payouts", java.util.List.of(Map.of("type", "CPS", "percent", "10"))))).get("id").asString();

        assertThat(console.get("/offers/" + foreign + "/edit").statusCode()).isEqualTo(404);
        console.get("/offers");
        assertThat(console.post("/offers/" + foreign, linkOfferForm("Mine now")).statusCode()).isEqualTo(404);
        assertThat(api.withKey(otherKey).get("/api/v1/offers/" + foreign).json().get("name").asString())
                .isEqualTo("Theirs");
    }

    /** A signed-in console user driving the pages over real HTTP with a session cookie and the form token. */
    static final class OffersConsole {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

        private final String baseUrl;
        private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private String csrf;

        OffersConsole(String baseUrl, String email, String password) throws Exception {
            this.baseUrl = baseUrl;
            HttpResponse<String> signedIn = post("/login", Map.of("username", email, "password", password),
                    csrf(get("/login").body()));
            assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        }

        HttpResponse<String> get(String path) throws Exception {
            HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = CSRF.matcher(response.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return response;
        }

        /** Posts the form with the token of the last page read. */
        HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
            return post(path, form, csrf);
        }

        private HttpResponse<String> post(String path, Map<String, String> form, String token) throws Exception {
            Map<String, String> fields = new LinkedHashMap<>(form);
            fields.put("_csrf", token);
            String body = fields.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = CSRF.matcher(response.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return response;
        }

        private static String csrf(String page) {
            Matcher m = CSRF.matcher(page);
            assertThat(m.find()).as("page has a CSRF token").isTrue();
            return m.group(1);
        }
    }
}
