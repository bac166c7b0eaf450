package io.linkledger.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.linkledger.support.Api;
import io.linkledger.support.ApiTest;
import tools.jackson.databind.JsonNode;

class RedirectApiTest extends ApiTest {

    static final String BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    @Autowired
    Clicks clicks;

    private String offerId;
    private String memberId;
    private String code;

    private void linkOn(Map<String, Object> offerFields) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Tracked", "type", "LINK", "conversionType", "SALE",
                "currency", "USD", "destinationUrl", SHAREASALE_URL,
                "payouts", List.of(Map.of("name", "Default", "type", "CPS", "percent", "10"))));
        body.putAll(offerFields);
        offerId = createOffer(body).get("id").asString();
        memberId = createMember("Jane Doe", "jane-" + System.nanoTime() + "@example.com").get("id").asString();
        String link = assign(offerId, memberId).get(0).get("trackingLink").asString();
        code = link.substring(link.lastIndexOf('/') + 1);
    }

    private Api.Response click(String userAgent) {
        return click("/r/" + code, userAgent);
    }

    private Api.Response click(String path, String userAgent) {
        var request = api.withKey(null).request(path).GET();
        if (userAgent != null) {
            request.header("User-Agent", userAgent);
        }
        return api.send(request.header("Referer", "https://video.example/watch?v=1"));
    }

    private static Map<String, String> query(String location) {
        Map<String, String> params = new HashMap<>();
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private JsonNode report(String query) {
        Api.Response response = api.get("/api/v1/reports/offers/" + offerId + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private long storedClicks() {
        return count("select count(*) from clicks where offer_id = ?", java.util.UUID.fromString(offerId));
    }

    @Test
    void redirectFillsEveryMacroStoresTheClickAndSetsTheCookie() {
        linkOn(Map.of("destinationUrl", "https://shop.example/landing?tid={transaction_id}&m={member_id}"
                + "&o={offer_id}&p={project_id}&n={member_name}&t={click_time}", "attributionWindowDays", 7));
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        Api.Response response = click(BROWSER);

        assertThat(response.status()).as(response.toString()).isEqualTo(302);
        String location = response.header("Location");
        assertThat(location).startsWith("https://shop.example/landing?");
        Map<String, String> params = query(location);
        String tid = params.get("tid");
        assertThat(tid).matches("[A-Za-z0-9]{1,64}");
        assertThat(params.get("m")).isEqualTo(memberId);
        assertThat(params.get("o")).isEqualTo(offerId);
        assertThat(params.get("p")).isEmpty();
        assertThat(params.get("n")).isEqualTo("Jane Doe");
        assertThat(Instant.parse(params.get("t"))).isBetween(before, Instant.now());

        String cookie = response.header("Set-Cookie");
        assertThat(cookie).startsWith("ll_tid=" + tid + ";").contains("Path=/", "Max-Age=604800", "HttpOnly",
                "Secure", "SameSite=None");

        Click stored = clicks.findByTransactionId(tid).orElseThrow();
        assertThat(stored.offerId().toString()).isEqualTo(offerId);
        assertThat(stored.memberId().toString()).isEqualTo(memberId);
        assertThat(stored.brandId()).isEqualTo(brand.id());
        assertThat(stored.userAgent()).isEqualTo(BROWSER);
        assertThat(stored.referrer()).isEqualTo("https://video.example/watch?v=1");
        assertThat(stored.visitorKey()).matches("[0-9a-f]{64}").doesNotContain("127.0.0.1");
        assertThat(stored.bot()).isFalse();
        assertThat(stored.unique()).isTrue();
    }

    @Test
    void shareASaleLinkGetsTheTransactionIdInAfftrack() {
        linkOn(Map.of());
        Api.Response response = click(BROWSER);
        String afftrack = query(response.header("Location")).get("afftrack");
        assertThat(clicks.findByTransactionId(afftrack)).isPresent();
    }

    @Test
    void repeatClicksFromTheSameVisitorAreGrossButNotUnique() {
        linkOn(Map.of());
        List<String> tids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tids.add(query(click(BROWSER).header("Location")).get("afftrack"));
        }
        String otherVisitor = query(click(BROWSER.replace("131", "130")).header("Location")).get("afftrack");

        assertThat(clicks.findByTransactionId(tids.get(0)).orElseThrow().unique()).isTrue();
        assertThat(clicks.findByTransactionId(tids.get(1)).orElseThrow().unique()).isFalse();
        assertThat(clicks.findByTransactionId(tids.get(2)).orElseThrow().unique()).isFalse();
        assertThat(clicks.findByTransactionId(otherVisitor).orElseThrow().unique()).isTrue();
        assertThat(new HashSet<>(tids)).hasSize(3);

        JsonNode report = report("");
        assertThat(report.get("clicks").asLong()).isEqualTo(4);
        assertThat(report.get("uniqueClicks").asLong()).isEqualTo(2);
        assertThat(report.get("botClicks").asLong()).isZero();
        assertThat(report.get("members").get(0).get("memberId").asString()).isEqualTo(memberId);
        assertThat(report.get("members").get(0).get("clicks").asLong()).isEqualTo(4);
    }

    @Test
    void botsAndPreviewCrawlersAreRedirectedButFlagged() {
        linkOn(Map.of());
        List<String> bots = List.of("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
                "Twitterbot/1.0", "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
                "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)",
                "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
                "WhatsApp/2.23.20.0", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
                "curl/8.5.0", "Wget/1.21.4", "python-requests/2.32.3", "Go-http-client/1.1",
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36");
        for (String bot : bots) {
            Api.Response response = click(bot);
            assertThat(response.status()).as(bot).isEqualTo(302);
            Click stored = clicks.findByTransactionId(query(response.header("Location")).get("afftrack")).orElseThrow();
            assertThat(stored.bot()).as(bot).isTrue();
            assertThat(stored.unique()).as(bot).isFalse();
        }
        assertThat(click(null).status()).isEqualTo(302);
        click(BROWSER);

        JsonNode report = report("");
        assertThat(report.get("botClicks").asLong()).isEqualTo(bots.size() + 1);
        assertThat(report.get("clicks").asLong()).isEqualTo(1);
        assertThat(report.get("uniqueClicks").asLong()).isEqualTo(1);
    }

    @Test
    void pausedOfferGoesToItsFallbackAndStoresNoClick() {
        linkOn(Map.of("fallbackUrl", "https://brand.example/other-offers?m={member_id}"));
        api.patch("/api/v1/offers/" + offerId, Map.of("status", "PAUSED"));

        Api.Response response = click(BROWSER);

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).isEqualTo("https://brand.example/other-offers?m=" + memberId);
        assertThat(response.header("Set-Cookie")).isNull();
        assertThat(storedClicks()).isZero();
    }

    @Test
    void archivedOrExpiredOfferWithoutFallbackShowsAClearPage() {
        linkOn(Map.of());
        assertThat(click(BROWSER).status()).isEqualTo(302);
        api.post("/api/v1/offers/" + offerId + "/archive", Map.of());

        Api.Response archived = click(BROWSER);
        assertThat(archived.status()).isEqualTo(410);
        assertThat(archived.contentType()).startsWith("text/html");
        assertThat(archived.body()).contains("This offer has ended");

        linkOn(Map.of("endsAt", "2020-01-31T00:00:00Z"));
        Api.Response expired = click(BROWSER);
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.body()).contains("This offer has ended");

        linkOn(Map.of("startsAt", "2999-01-01T00:00:00Z"));
        assertThat(click(BROWSER).body()).contains("not started yet");
        assertThat(storedClicks()).isZero();
    }

    @Test
    void unknownCodeIsA404Page() {
        Api.Response response = click("/r/NoSuchCode", BROWSER);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("text/html");
        assertThat(response.body()).contains("does not exist");
    }

    @Test
    void userAgentsAndReferrersWithEscapeCharactersAreStoredExactly() {
        linkOn(Map.of());
        String ua = BROWSER + " \\N back\\slash\ttab \"quoted\" end";
        var request = api.withKey(null).request("/r/" + code).GET().header("User-Agent", ua)
                .header("Referer", "https://video.example/watch?q=a\\b\tc");

        Api.Response response = api.send(request);

        assertThat(response.status()).isEqualTo(302);
        Click stored = clicks.findByTransactionId(query(response.header("Location")).get("afftrack")).orElseThrow();
        assertThat(stored.userAgent()).isEqualTo(ua);
        assertThat(stored.referrer()).isEqualTo("https://video.example/watch?q=a\\b\tc");
    }

    @Test
    void onlyGetAndHeadFollowALinkAndOnlyOneSegmentIsACode() {
        linkOn(Map.of());
        Api.Response head = api.send(api.withKey(null).request("/r/" + code)
                .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).header("User-Agent", BROWSER));
        assertThat(head.status()).isEqualTo(302);
        assertThat(head.header("Location")).startsWith("https://shareasale.com/");

        Api.Response post = api.send(api.withKey(null).request("/r/" + code)
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).header("User-Agent", BROWSER));
        assertThat(post.status()).isIn(404, 405);
        assertThat(post.header("Location")).isNull();

        assertThat(click("/r/" + code + "/extra", BROWSER).status()).isEqualTo(404);
        assertThat(click("/r/", BROWSER).status()).isEqualTo(404);
        assertThat(storedClicks()).isEqualTo(1);
    }

    @Test
    void deepLinksGoOnlyToHostsTheOfferAllows() {
        linkOn(Map.of("allowedDeepLinkHosts", List.of("shop.example.com", "*.brand.example")));

        assertThat(click("/r/" + code + "?url=https://shop.example.com/p/42?c=red", BROWSER).header("Location"))
                .isEqualTo("https://shop.example.com/p/42?c=red");
        assertThat(click("/r/" + code + "?url=https%3A%2F%2Fuk.brand.example%2Fsale", BROWSER).header("Location"))
                .isEqualTo("https://uk.brand.example/sale");
        for (String bad : List.of("https://evil.example/", "https://shop.example.com.evil.example/",
                "https://brand.example/", "javascript:alert(1)", "https://x@evil.example/")) {
            String location = click("/r/" + code + "?url=" + java.net.URLEncoder.encode(bad, StandardCharsets.UTF_8),
                    BROWSER).header("Location");
            assertThat(location).as(bad).startsWith("https://shareasale.com/r.cfm?");
        }
    }

    @Test
    void offerChangesReachTheRedirectAtOnce() {
        linkOn(Map.of());
        assertThat(click(BROWSER).header("Location")).startsWith("https://shareasale.com/");

        api.patch("/api/v1/offers/" + offerId, Map.of("destinationUrl", "https://new.example/?t={transaction_id}"));

        assertThat(click(BROWSER).header("Location")).startsWith("https://new.example/?t=");
    }

    @Test
    void concurrentClicksAreAllStoredUnderDistinctTransactionIds() throws Exception {
        linkOn(Map.of());
        int n = 64;
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String ua = BROWSER + " visitor/" + i;
            calls.add(() -> {
                Api.Response response = click(ua);
                assertThat(response.status()).isEqualTo(302);
                return query(response.header("Location")).get("afftrack");
            });
        }
        Set<String> tids = new HashSet<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<String> f : pool.invokeAll(calls)) {
                tids.add(f.get());
            }
        }
        assertThat(tids).hasSize(n);
        tids.forEach(tid -> assertThat(clicks.findByTransactionId(tid)).as(tid).isPresent());
        assertThat(storedClicks()).isEqualTo(n);
        JsonNode report = report("?from=2000-01-01&to=2999-12-31");
        assertThat(report.get("clicks").asLong()).isEqualTo(n);
        assertThat(report.get("uniqueClicks").asLong()).isEqualTo(n);

        String metrics = api.withKey("test-metrics-token-0123456789").get("/actuator/prometheus").body();
        assertThat(metrics).contains("linkledger_clicks_total{bot=\"false\"", "linkledger_clicks_batch_size_count",
                "linkledger_clicks_flush_seconds_count", "linkledger_redirects_seconds_count{outcome=\"tracked\"");
    }

    @Test
    void reportCoversTheGivenDaysAndRejectsBadRanges() {
        linkOn(Map.of());
        click(BROWSER);
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();

        JsonNode report = report("?from=" + today + "&to=" + today);
        assertThat(report.get("offerId").asString()).isEqualTo(offerId);
        assertThat(report.get("from").asString()).isEqualTo(today);
        assertThat(report.get("clicks").asLong()).isEqualTo(1);
        assertThat(report.get("days").get(0).get("date").asString()).isEqualTo(today);
        assertThat(report("?from=2001-01-01&to=2001-01-31").get("clicks").asLong()).isZero();

        problem(api.get("/api/v1/reports/offers/" + offerId + "?from=2026-02-01&to=2026-01-01"), 400);
        JsonNode bad = problem(api.get("/api/v1/reports/offers/" + offerId + "?from=yesterday"), 400);
        assertThat(bad.get("errors").get(0).get("field").asString()).isEqualTo("from");
        String otherKey = brands.createKey(brands.create("Other brand").id(), "other").plainText();
        problem(api.withKey(otherKey).get("/api/v1/reports/offers/" + offerId), 404);
    }
}
