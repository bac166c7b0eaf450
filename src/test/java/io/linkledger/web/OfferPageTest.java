package io.linkledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.linkledger.brands.Role;
import io.linkledger.shared.Csv;

/** The offer page over real HTTP, signed in as the brand's admin, with real clicks and a real postback. */
class OfferPageTest extends OfferPageScenarioTest {

    private static String kpi(String html, String name) {
        Matcher m = Pattern.compile("data-kpi=\"" + name + "\">([^<]*)<").matcher(html);
        assertThat(m.find()).as("KPI " + name).isTrue();
        return m.group(1);
    }

    @Test
    void offerPageShowsKpisChartAndMemberTable() throws Exception {
        Seeded s = seed();
        signInAs(Role.ADMIN);

        HttpResponse<String> page = get("/offers/" + s.offerId());

        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();
        assertThat(html).contains("<h1>Summer sale</h1>");
        assertThat(kpi(html, "clicks")).isEqualTo("4");
        assertThat(kpi(html, "unique-clicks")).isEqualTo("3");
        assertThat(kpi(html, "conversions")).isEqualTo("1");
        assertThat(kpi(html, "conversion-rate")).isEqualTo("25.00%");
        assertThat(kpi(html, "sales")).isEqualTo("$125.00");
        assertThat(kpi(html, "commission")).isEqualTo("$12.50");
        assertThat(kpi(html, "epc")).isEqualTo("$3.13");
        Matcher chart = Pattern.compile("data-offer-chart=\"([^\"]+)\"").matcher(html);
        assertThat(chart.find()).isTrue();
        String json = chart.group(1).replace("&#34;", "\"").replace("&quot;", "\"");
        assertThat(Pattern.compile("\"\\d{1,2} [A-Z][a-z]{2} \\d{4}\"").matcher(json).results().count()).isEqualTo(30);
        assertThat(json).contains("\"clicks\":[0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,4]");
        assertThat(json).contains("\"sales\":[0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,125.00]");
        assertThat(html).contains("src=\"/js/console-charts.js\"", "/webjars/chart.js/");
        assertThat(html.indexOf("Jane Doe")).as("commission, highest first").isLessThan(html.indexOf("Omar Haddad"));
        assertThat(html).contains("href=\"/offers/" + s.offerId() + "/edit\"", "href=\"/offers\"",
                "href=\"/offers/" + s.offerId() + "/email\"");
    }

    @Test
    void presetsAndDateRangesChangeThePeriodAndBadDatesShowInline() throws Exception {
        Seeded s = seed();
        signInAs(Role.ADMIN);

        String week = get("/offers/" + s.offerId() + "?range=7").body();
        assertThat(week).contains("aria-current=\"true\">7 days<");
        assertThat(kpi(week, "clicks")).isEqualTo("4");

        String past = get("/offers/" + s.offerId() + "?from=2020-01-01&to=2020-01-31").body();
        assertThat(kpi(past, "clicks")).isEqualTo("0");
        assertThat(kpi(past, "epc")).isEqualTo("—");
        assertThat(past).contains("1 Jan 2020 to 31 Jan 2020", "2 members", "Jane Doe", "Omar Haddad")
                .contains("data-col=\"clicks\" data-label=\"Clicks\">0<");

        HttpResponse<String> bad = get("/offers/" + s.offerId() + "?from=yesterday");
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("id=\"range-from-error\"", "is not a date", "aria-invalid=\"true\"");
        assertThat(kpi(bad.body(), "clicks")).isEqualTo("4");
    }

    @Test
    void memberTableSortsAndPagesByLinksAndHtmxFragments() throws Exception {
        Seeded s = seed();
        for (int i = 0; i < 25; i++) {
            String member = createMember(String.format("Extra %02d", i), "extra" + i + "." + s.offerId() + "@example.com")
                    .get("id").asString();
            follow(assign(s.offerId(), member).get(0).get("trackingLink").asString(), DESKTOP);
        }
        signInAs(Role.ADMIN);

        String byName = htmx("/offers/" + s.offerId() + "/members?range=30&sort=name&dir=asc").body();
        assertThat(byName.strip()).startsWith("<div id=\"member-table\"").doesNotContain("<html");
        assertThat(byName).contains("27 members", "Page 1 of 2", "aria-sort=\"ascending\"");
        assertThat(byName.indexOf("Extra 00")).isLessThan(byName.indexOf("Extra 24"));
        assertThat(byName).contains("Extra 24").doesNotContain("Jane Doe").doesNotContain("Omar Haddad");
        assertThat(byName).contains("hx-get=\"/offers/" + s.offerId() + "/members?range=30&amp;sort=name&amp;dir=asc&amp;page=2\"");
        assertThat(byName).contains("href=\"/offers/" + s.offerId() + "?range=30&amp;sort=name&amp;dir=asc&amp;page=2#members\"");

        String second = htmx("/offers/" + s.offerId() + "/members?range=30&sort=name&dir=asc&page=2").body();
        assertThat(second).contains("Jane Doe", "Omar Haddad", "Page 2 of 2").doesNotContain("Extra 00");

        String byClicks = get("/offers/" + s.offerId() + "?sort=clicks&dir=desc").body();
        assertThat(byClicks).contains("aria-sort=\"descending\"");
        assertThat(byClicks.indexOf("Jane Doe")).isLessThan(byClicks.indexOf("Extra 00"));
        assertThat(byClicks).contains("hx-get=\"/offers/" + s.offerId() + "/members?range=30&amp;sort=clicks&amp;dir=asc&amp;page=1\"");
    }

    @Test
    void csvExportHasEveryMemberRowWithSafeFields() throws Exception {
        Seeded s = seed();
        String tricky = createMember("=HYPERLINK(\"x\"), Ltd", "tricky." + s.offerId() + "@example.com").get("id").asString();
        follow(assign(s.offerId(), tricky).get(0).get("trackingLink").asString(), PHONE);
        signInAs(Role.ADMIN);

        HttpResponse<String> csv = get("/offers/" + s.offerId() + "/members.csv?from=2026-01-01");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment; filename=\"summer-sale-members-2026-01-01-to-");
        List<List<String>> rows = Csv.parse(csv.body());
        assertThat(rows.get(0)).containsExactly("member_id", "name", "email", "clicks", "unique_clicks", "conversions",
                "sales", "commission", "epc", "currency", "tracking_link", "promo_code", "dashboard_link", "tier",
                "commission_terms");
        assertThat(rows).hasSize(4);
        List<String> jane = rows.stream().filter(r -> r.get(1).equals("Jane Doe")).findFirst().orElseThrow();
        assertThat(jane.subList(3, 10)).containsExactly("3", "2", "1", "125.00", "12.50", "4.1667", "USD");
        assertThat(jane.get(10)).isEqualTo(s.janeLink());
        assertThat(jane.get(11)).as("a link offer has no promo code").isEmpty();
        assertThat(jane.get(12)).contains("/d/");
        assertThat(jane.subList(13, 15)).containsExactly("Default", "10% of each sale");
        List<String> omar = rows.stream().filter(r -> r.get(1).equals("Omar Haddad")).findFirst().orElseThrow();
        assertThat(omar.subList(3, 10)).containsExactly("1", "1", "0", "0.00", "0.00", "0.0000", "USD");
        assertThat(rows.stream().map(r -> r.get(1))).contains("'=HYPERLINK(\"x\"), Ltd");

        assertThat(get("/offers/" + s.offerId() + "/members.csv?from=nope").statusCode()).isEqualTo(400);
    }

    @Test
    void integrationBoxShowsPostbacksCreatesShareASaleAndRunsATestPurchase() throws Exception {
        Seeded s = seed();
        signInAs(Role.ADMIN);
        String page = get("/offers/" + s.offerId()).body();
        assertThat(page).contains("Server", "/postback/&lt;key&gt;", "Last inbound postbacks", "outcome-accepted");
        assertThat(page).contains("order_id=A-1001");
        String csrf = csrf(page);

        String created = follow(postForm("/offers/" + s.offerId() + "/integrations",
                Map.of("_csrf", csrf, "type", "SHAREASALE", "name", "ShareASale"))).body();
        Matcher url = Pattern.compile("id=\"created-url\"[^>]*value=\"([^\"]+)\"").matcher(created);
        assertThat(url.find()).as(created).isTrue();
        String postbackUrl = url.group(1).replace("&amp;", "&");
        assertThat(postbackUrl).matches("https?://[^/]+/postback/[A-Za-z0-9_-]{20,}\\?afftrack=!!afftrack!!&transID=!!transID!!.*");
        assertThat(get("/offers/" + s.offerId()).body()).doesNotContain("id=\"created-url\"");

        String blank = follow(postForm("/offers/" + s.offerId() + "/integrations",
                Map.of("_csrf", csrf, "type", "SHAREASALE", "name", " "))).body();
        assertThat(blank).contains("id=\"integration-name-error\"", "is required");

        String tested = follow(postForm("/offers/" + s.offerId() + "/test-purchase", Map.of("_csrf", csrf,
                "integrationId", s.integrationId(), "memberId", s.janeId(), "amount", "42.00"))).body();
        assertThat(tested).contains("id=\"test-outcome\"", "<strong>Accepted</strong>", "A test conversion was recorded");
        assertThat(tested).contains("TEST member_id=" + s.janeId());
        assertThat(kpi(tested, "conversions")).as("test conversions never count").isEqualTo("1");

        String missing = follow(postForm("/offers/" + s.offerId() + "/test-purchase",
                Map.of("_csrf", csrf, "integrationId", s.integrationId()))).body();
        assertThat(missing).contains("choose a member of this offer");
    }

    @Test
    void viewersSeeFiguresWithoutChangeForms() throws Exception {
        Seeded s = seed();
        signInAs(Role.VIEWER);

        String page = get("/offers/" + s.offerId()).body();

        assertThat(kpi(page, "clicks")).isEqualTo("4");
        assertThat(page).doesNotContain("Create integration", "Send test purchase");
        assertThat(get("/offers/" + s.offerId() + "/members.csv").statusCode()).isEqualTo(200);
        assertThat(postForm("/offers/" + s.offerId() + "/test-purchase", Map.of("_csrf", csrf(page),
                "integrationId", s.integrationId(), "memberId", s.janeId())).statusCode()).isEqualTo(403);
    }

    @Test
    void anotherBrandsOfferIsNotFound() throws Exception {
        Seeded s = seed();
        brand = brands.create("Other brand " + java.util.UUID.randomUUID());
        signInAs(Role.ADMIN);

        assertThat(get("/offers/" + s.offerId()).statusCode()).isEqualTo(404);
        assertThat(get("/offers/" + s.offerId() + "/members.csv").statusCode()).isEqualTo(404);
    }
}
