package io.linkledger.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.linkledger.support.Api;
import io.linkledger.support.RateWindows;
import tools.jackson.databind.JsonNode;

class DashboardApiTest extends DashboardScenario {

    private Api.Response page(String token) {
        return api.withKey(null).get("/d/" + token);
    }

    @Test
    void dashboardPageShowsCodeLinkCommissionAndFigures() {
        Seeded s = seedDashboard("Jane Doe");

        Api.Response page = page(s.token());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body())
                .contains("value=\"" + s.promoCode() + "\"")
                .contains("value=\"" + s.trackingLink() + "\"")
                .contains("Summer collection")
                .contains("Hi Jane,")
                .contains("10% of each sale")
                .contains("data-figure=\"clicks\">25<")
                .contains("data-figure=\"conversions\">4<")
                .contains("data-figure=\"sales\">$430.00<")
                .contains("data-figure=\"commission\">$43.00<")
                .contains("data-figure=\"pending\">$11.00<")
                .contains("data-figure=\"approved\">$12.00<")
                .contains("data-figure=\"paid\">$30.00<")
                .contains("20 unique clicks")
                .contains("id=\"earnings-chart\"")
                .contains("<meta name=\"robots\" content=\"noindex, nofollow\">");
        // head rows + 6 conversions + 1 payment, and the chart's table: a head row and the 30 days of the range
        assertThat(page.body().split("<tr>", -1)).hasSize(1 + 1 + 6 + 1 + 1 + 1 + 30);
        assertThat(page.header("X-Robots-Tag")).contains("noindex");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'");
    }

    @Test
    void theBrandsNameAndLogoHeadTheDashboard() {
        Seeded s = seedDashboard("Jane Doe");
        String logo = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
        assertThat(api.patch("/api/v1/brand", Map.of("name", "Sunny Socks", "logo", logo)).status()).isEqualTo(200);

        String body = page(s.token()).body();
        assertThat(body).contains("<img class=\"brand-logo\" src=\"" + logo + "\" alt=\"\">Sunny Socks</p>")
                .contains("<title>Summer collection · Sunny Socks");
    }

    @Test
    void jsonGivesTheSameDataWithDecimalStrings() {
        Seeded s = seedDashboard("Jane Doe");

        Api.Response response = api.withKey(null).get("/d/" + s.token() + ".json");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("X-Robots-Tag")).contains("noindex");
        JsonNode body = response.json();
        assertThat(body.get("promoCode").asString()).isEqualTo(s.promoCode());
        assertThat(body.get("trackingLink").asString()).isEqualTo(s.trackingLink());
        assertThat(body.get("commission").asString()).isEqualTo("10% of each sale");
        assertThat(body.get("currency").asString()).isEqualTo("USD");
        assertThat(body.get("range").get("key").asString()).isEqualTo("30");
        assertThat(body.get("range").get("to").asString()).isEqualTo(today().toString());
        JsonNode totals = body.get("totals");
        assertThat(totals.get("clicks").asLong()).isEqualTo(25);
        assertThat(totals.get("uniqueClicks").asLong()).isEqualTo(20);
        assertThat(totals.get("conversions").asLong()).isEqualTo(4);
        assertThat(totals.get("sales").asString()).isEqualTo("430.00");
        assertThat(totals.get("commission").asString()).isEqualTo("43.00");
        assertThat(body.get("earnings").get("pending").asString()).isEqualTo("11.00");
        assertThat(body.get("earnings").get("approved").asString()).isEqualTo("12.00");
        assertThat(body.get("earnings").get("paid").asString()).isEqualTo("30.00");
        assertThat(body.get("daily")).hasSize(30);
        JsonNode todays = body.get("daily").get(29);
        assertThat(todays.get("date").asString()).isEqualTo(today().toString());
        assertThat(todays.get("clicks").asLong()).isEqualTo(25);
        assertThat(todays.get("uniqueClicks").asLong()).isEqualTo(20);
        assertThat(todays.get("conversions").asLong()).isEqualTo(1);
        assertThat(todays.get("commission").asString()).isEqualTo("3.00");
        JsonNode fifteenDaysAgo = body.get("daily").get(29 - 15);
        assertThat(fifteenDaysAgo.get("date").asString()).isEqualTo(today().minusDays(15).toString());
        assertThat(fifteenDaysAgo.get("conversions").asLong()).isZero(); // reversed
        JsonNode conversions = body.get("conversions");
        assertThat(conversions).hasSize(6);
        assertThat(conversions.get(0).get("date").asString()).isEqualTo(today().toString());
        assertThat(conversions.get(0).get("amount").asString()).isEqualTo("30.00");
        assertThat(conversions.get(0).get("commission").asString()).isEqualTo("3.00");
        assertThat(conversions.get(0).get("status").asString()).isEqualTo("PENDING");
        assertThat(conversions.get(0).propertyNames()).containsExactlyInAnyOrder("date", "amount", "commission",
                "status");
        assertThat(conversions.get(1).get("date").asString()).isEqualTo(today().minusDays(2).toString());
        assertThat(conversions.get(1).get("amount").asString()).isEqualTo("120.00");
        assertThat(conversions.get(1).get("commission").asString()).isEqualTo("12.00");
        assertThat(conversions.get(1).get("status").asString()).isEqualTo("APPROVED");
        assertThat(conversions.findValuesAsString("status")).containsExactly("PENDING", "APPROVED", "PENDING", "PAID",
                "REVERSED", "PAID");
        JsonNode payments = body.get("payments");
        assertThat(payments).hasSize(1);
        assertThat(payments.get(0).get("date").asString()).isEqualTo(today().toString());
        assertThat(payments.get(0).get("amount").asString()).isEqualTo("30.00");
        assertThat(payments.get(0).get("status").asString()).isEqualTo("PAID");
    }

    @Test
    void rangeSelectsThePeriodOfTheTotals() {
        Seeded s = seedDashboard("Jane Doe");

        JsonNode week = api.withKey(null).get("/d/" + s.token() + ".json?range=7").json();
        assertThat(week.get("daily")).hasSize(7);
        assertThat(week.get("totals").get("clicks").asLong()).isEqualTo(25);
        assertThat(week.get("totals").get("conversions").asLong()).isEqualTo(3);
        assertThat(week.get("totals").get("commission").asString()).isEqualTo("23.00");

        JsonNode all = api.withKey(null).get("/d/" + s.token() + ".json?range=all").json();
        assertThat(all.get("range").get("from").asString()).isEqualTo(today().minusDays(60).toString());
        assertThat(all.get("daily")).hasSize(61);
        assertThat(all.get("totals").get("conversions").asLong()).isEqualTo(5);
        assertThat(all.get("totals").get("sales").asString()).isEqualTo("530.00");
        assertThat(all.get("totals").get("commission").asString()).isEqualTo("53.00");
        assertThat(all.get("earnings").get("paid").asString()).isEqualTo("30.00");

        JsonNode bad = problem(api.withKey(null).get("/d/" + s.token() + ".json?range=365"), 400);
        assertThat(bad.get("errors").get(0).get("field").asString()).isEqualTo("range");
    }

    @Test
    void chartPanelIsServedAsAFragmentForTheRangeSwitcher() {
        Seeded s = seedDashboard("Jane Doe");

        Api.Response fragment = api.withKey(null).get("/d/" + s.token() + "/chart?range=7");

        assertThat(fragment.status()).isEqualTo(200);
        assertThat(fragment.body()).doesNotContain("<html").contains("id=\"performance\"")
                .contains("data-figure=\"conversions\">3<").contains("Last 7 days")
                .contains("aria-current=\"true\">7 days<");
    }

    @Test
    void unknownTokenAnswersA404Page() {
        Api.Response page = page("no-such-token-" + UUID.randomUUID());

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("Dashboard not found");
        assertThat(page.header("X-Robots-Tag")).contains("noindex");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");

        problem(api.withKey(null).get("/d/no-such-token.json"), 404);
    }

    @Test
    void rotatedLinkSaysItWasReplacedAndTheNewLinkWorks() {
        Seeded s = seedDashboard("Jane Doe");
        String path = "/api/v1/offers/" + s.offerId() + "/members/" + s.memberId() + "/dashboard-link";

        Api.Response rotated = api.post(path + "/rotate", Map.of());

        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        String newLink = rotated.json().get("dashboardLink").asString();
        assertThat(newLink).startsWith("https://track.example.test/d/").doesNotEndWith(s.token());
        Api.Response old = page(s.token());
        assertThat(old.status()).isEqualTo(410);
        assertThat(old.body()).contains("This link was replaced");
        assertThat(problem(api.withKey(null).get("/d/" + s.token() + ".json"), 410).get("detail").asString())
                .contains("replaced");
        String newToken = newLink.substring(newLink.lastIndexOf('/') + 1);
        assertThat(page(newToken).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/offers/" + s.offerId() + "/members/" + s.memberId()).json()
                .get("dashboardLink").asString()).isEqualTo(newLink);
        assertThat(count("select count(*) from dashboard_tokens_retired where token_hash = ?",
                io.linkledger.shared.Tokens.sha256(s.token()))).isEqualTo(1);
        assertThat(count("select count(*) from dashboard_tokens_retired where token_hash = ?", s.token())).isZero();
    }

    @Test
    void revokedLinkSaysItWasRevokedUntilTheBrandRotatesAgain() {
        Seeded s = seedDashboard("Jane Doe");
        String path = "/api/v1/offers/" + s.offerId() + "/members/" + s.memberId() + "/dashboard-link";

        assertThat(api.delete(path).status()).isEqualTo(204);

        Api.Response old = page(s.token());
        assertThat(old.status()).isEqualTo(410);
        assertThat(old.body()).contains("This link was revoked");
        JsonNode link = api.get(path).json();
        assertThat(link.get("active").asBoolean()).isFalse();
        assertThat(link.get("dashboardLink").isNull()).isTrue();
        assertThat(api.get("/api/v1/offers/" + s.offerId() + "/members/" + s.memberId()).json()
                .get("dashboardLink").isNull()).isTrue();
        assertThat(api.delete(path).status()).isEqualTo(204);

        String fresh = api.post(path + "/rotate", Map.of()).json().get("dashboardLink").asString();
        assertThat(page(fresh.substring(fresh.lastIndexOf('/') + 1)).status()).isEqualTo(200);
        assertThat(page(s.token()).body()).contains("This link was revoked");
    }

    @Test
    void anotherBrandCannotRotateOrRevokeTheLink() {
        Seeded s = seedDashboard("Jane Doe");
        String otherKey = brands.createKey(brands.create("Other " + UUID.randomUUID()).id(), "other").plainText();
        String path = "/api/v1/offers/" + s.offerId() + "/members/" + s.memberId() + "/dashboard-link";

        problem(api.withKey(otherKey).post(path + "/rotate", Map.of()), 404);
        problem(api.withKey(otherKey).delete(path), 404);
        problem(api.withKey(null).post(path + "/rotate", Map.of()), 401);
        assertThat(page(s.token()).status()).isEqualTo(200);
    }

    @Test
    void tooManyRequestsForOneTokenAnswer429() throws InterruptedException {
        Seeded s = seedDashboard("Jane Doe");
        Seeded other = seedDashboard("John Roe");
        RateWindows.awaitRoom(Duration.ofMinutes(1), Duration.ofSeconds(30));

        for (int i = 0; i < 60; i++) {
            assertThat(api.withKey(null).get("/d/" + s.token() + ".json").status()).isEqualTo(200);
        }
        Api.Response limited = page(s.token());

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isEqualTo("60");
        assertThat(limited.body()).contains("Slow down");
        problem(api.withKey(null).get("/d/" + s.token() + ".json"), 429);
        assertThat(page(other.token()).status()).isEqualTo(200);
    }

    @Test
    void commissionIsDescribedFromTheMembersTierOrOverride() {
        JsonNode offer = createOffer(Map.of("name", "Tiers", "type", "PROMO_CODE", "conversionType", "SALE",
                "currency", "USD", "payouts", List.of(Map.of("name", "Default", "type", "CPS", "percent", "10"),
                        Map.of("name", "VIP", "type", "CPA_CPS", "amount", "5", "percent", "15"))));
        String vipId = offer.get("payouts").get(1).get("id").asString();
        String memberId = createMember("Vera Vip", "vera-" + UUID.randomUUID() + "@example.com").get("id").asString();
        JsonNode assignment = api.post("/api/v1/offers/" + offer.get("id").asString() + "/members",
                Map.of("memberIds", List.of(memberId), "payoutId", vipId)).json().get("assignments").get(0);
        String link = assignment.get("dashboardLink").asString();
        String token = link.substring(link.lastIndexOf('/') + 1);

        JsonNode tier = api.withKey(null).get("/d/" + token + ".json").json();
        assertThat(tier.get("commission").asString()).isEqualTo("$5.00 per sale plus 15% of the sale");
        assertThat(tier.get("trackingLink").isNull()).isTrue();

        api.patch("/api/v1/offers/" + offer.get("id").asString() + "/members/" + memberId,
                Map.of("commissionOverride", Map.of("type", "CPA", "amount", "7.50")));
        assertThat(api.withKey(null).get("/d/" + token + ".json").json().get("commission").asString())
                .isEqualTo("$7.50 per sale");
    }

    @Test
    void namesAreEscapedInThePage() {
        JsonNode offer = createOffer(Map.of("name", "<script>alert(1)</script>", "type", "LINK",
                "conversionType", "SALE", "currency", "EUR", "destinationUrl", SHAREASALE_URL,
                "payouts", List.of(Map.of("type", "CPC", "amount", "0.10"))));
        String memberId = createMember("<b>Eve</b>", "eve-" + UUID.randomUUID() + "@example.com").get("id").asString();
        String link = assign(offer.get("id").asString(), memberId).get(0).get("dashboardLink").asString();

        String body = page(link.substring(link.lastIndexOf('/') + 1)).body();

        assertThat(body).doesNotContain("<script>alert(1)</script>").doesNotContain("<b>Eve</b>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("€0.10 per unique click");
    }
}
