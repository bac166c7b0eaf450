package io.linkledger.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.linkledger.shared.Tokens;
import io.linkledger.support.Api;

/** The Creator Portal over HTTP; sign-in links are read from the emails the SMTP server received. */
class PortalTest extends DashboardScenario {

    private PortalClient browser() {
        return new PortalClient(api.baseUrl());
    }

    private String newEmail() {
        return "portal-" + UUID.randomUUID() + "@example.com";
    }

    @Test
    void sameAnswerWhetherOrNotTheEmailBelongsToAMember() throws InterruptedException {
        String member = newEmail();
        createMember("Mia Member", member);
        String stranger = newEmail();

        Api.Response known = browser().requestLink(member);
        Api.Response unknown = browser().requestLink(stranger);

        assertThat(known.status()).isEqualTo(200);
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(known.body().replace(member, "EMAIL")).isEqualTo(unknown.body().replace(stranger, "EMAIL"));
        awaitEarlierEmails();
        assertThat(signInEmails(member)).hasSize(1);
        assertThat(signInEmails(stranger)).isEmpty();
    }

    @Test
    void linkIsStoredOnlyAsAHashAndExpiresAfter15Minutes() throws InterruptedException {
        String email = newEmail();
        createMember("Hana Hash", email);

        browser().requestLink(email.toUpperCase());

        String token = signInPath(email, 1).substring("/portal/sign-in/".length());
        assertThat(token.length()).isGreaterThanOrEqualTo(22); // >= 128 bits of base64url
        assertThat(count("select count(*) from portal_sign_in_links where token_hash = ?", token)).isZero();
        Map<String, Object> row = jdbc.sql("select * from portal_sign_in_links where token_hash = ?")
                .param(Tokens.sha256(token)).query().singleRow();
        assertThat(row.get("email_key")).isEqualTo(email.toLowerCase());
        OffsetDateTime created = jdbc.sql("select created_at from portal_sign_in_links where token_hash = ?")
                .param(Tokens.sha256(token)).query(OffsetDateTime.class).single();
        OffsetDateTime expires = jdbc.sql("select expires_at from portal_sign_in_links where token_hash = ?")
                .param(Tokens.sha256(token)).query(OffsetDateTime.class).single();
        assertThat(Duration.between(created, expires)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void linkSignsInOnceAndShowsOffersAcrossBrands() throws InterruptedException {
        String email = newEmail();
        String offerId = createLinkOffer("Autumn boots").get("id").asString();
        assign(offerId, createMember("Sam Signin", email).get("id").asString());
        String otherKey = brands.createKey(brands.create("Second brand " + UUID.randomUUID()).id(), "k").plainText();
        Api other = api.withKey(otherKey);
        String otherOffer = other.post("/api/v1/offers", Map.of("name", "Winter coats", "type", "PROMO_CODE",
                "conversionType", "SALE", "currency", "EUR",
                "payouts", List.of(Map.of("type", "CPA", "amount", "4")))).json().get("id").asString();
        String otherMember = other.post("/api/v1/members", Map.of("name", "Sam S.", "email", email.toUpperCase()))
                .json().get("id").asString();
        other.post("/api/v1/offers/" + otherOffer + "/members", Map.of("memberIds", List.of(otherMember)));
        PortalClient browser = browser();
        browser.requestLink(email);
        String path = signInPath(email, 1);

        Api.Response confirm = browser.get(path);
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.body()).contains("Sign in");
        assertThat(confirm.header("Referrer-Policy")).isEqualTo("no-referrer");
        Api.Response signedIn = browser.post(path);
        assertThat(signedIn.status()).isEqualTo(303);
        assertThat(signedIn.header("Location")).endsWith("/portal/offers");
        assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));

        Api.Response offers = browser.get("/portal/offers");
        assertThat(offers.status()).isEqualTo(200);
        assertThat(offers.body()).contains("Autumn boots").contains("Winter coats").contains("Second brand")
                .contains("href=\"/d/");

        Api.Response again = browser().get(path);
        assertThat(again.status()).isEqualTo(410);
        assertThat(again.body()).contains("already used");
        PortalClient replay = browser();
        replay.get("/portal");
        assertThat(replay.post(path).status()).isEqualTo(410);
        assertThat(replay.get("/portal/offers").status()).isEqualTo(302);
    }

    @Test
    void expiredLinkIsRefused() throws InterruptedException {
        String email = newEmail();
        createMember("Ed Expired", email);
        PortalClient browser = browser();
        browser.requestLink(email);
        String path = signInPath(email, 1);
        String token = path.substring("/portal/sign-in/".length());
        jdbc.sql("update portal_sign_in_links set expires_at = ? where token_hash = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1), Tokens.sha256(token)).update();

        Api.Response page = browser.get(path);
        assertThat(page.status()).isEqualTo(410);
        assertThat(page.body()).contains("expired");
        assertThat(browser.post(path).status()).isEqualTo(410);
        assertThat(browser.get("/portal/offers").status()).isEqualTo(302);
    }

    @Test
    void unknownLinkIs404() {
        Api.Response page = browser().get("/portal/sign-in/" + UUID.randomUUID());
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("not valid");
    }

    @Test
    void offersPageNeedsASignIn() {
        Api.Response page = browser().get("/portal/offers");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).endsWith("/portal");
    }

    @Test
    void formsWithoutCsrfTokenAreRejectedAndSentBackToStartOver() throws InterruptedException {
        String email = newEmail();
        createMember("Cy Csrf", email);
        Api.Response response = api.withKey(null).postText("/portal/sign-in", "application/x-www-form-urlencoded",
                "email=" + email);
        assertThat(response.status()).isEqualTo(303);
        assertThat(response.header("Location")).isEqualTo("/portal?expired");
        awaitEarlierEmails();
        assertThat(signInEmails(email)).isEmpty();
        assertThat(browser().get("/portal?expired").body()).contains("That page had expired");
    }

    @Test
    void tooManyRequestsForOneEmailAnswer429WhetherOrNotItIsAMember() throws InterruptedException {
        String member = newEmail();
        createMember("Tom Throttle", member);
        String stranger = newEmail();
        PortalClient browser = browser();

        for (int i = 0; i < 5; i++) {
            assertThat(browser.requestLink(member).status()).isEqualTo(200);
            assertThat(browser.requestLink(stranger).status()).isEqualTo(200);
        }
        Api.Response limited = browser.requestLink(member);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(browser.requestLink(stranger).status()).isEqualTo(429);
        awaitEarlierEmails();
        assertThat(signInEmails(member)).hasSize(5);
        assertThat(signInEmails(stranger)).isEmpty();
    }

    @Test
    void invalidEmailIsAskedForAgain() {
        Api.Response response = browser().requestLink("not-an-email");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("Enter your email address");
    }

    @Test
    void signOutEndsTheSession() throws InterruptedException {
        String email = newEmail();
        createMember("Olga Out", email);
        PortalClient browser = browser();
        browser.requestLink(email);
        String path = signInPath(email, 1);
        browser.get(path);
        browser.post(path);
        assertThat(browser.get("/portal/offers").status()).isEqualTo(200);

        Api.Response out = browser.post("/portal/logout");

        assertThat(out.status()).isEqualTo(302);
        assertThat(out.header("Location")).endsWith("/portal?signed-out");
        assertThat(browser.get("/portal/offers").status()).isEqualTo(302);
    }
}
