package io.linkledger.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.linkledger.LinkledgerApplication;
import io.linkledger.brands.Role;
import io.linkledger.brands.Users;
import io.linkledger.support.Api;
import io.linkledger.support.ApiTest;
import io.linkledger.support.RateWindows;

/**
 * Nodes share nothing but the database: a second node of the application, started in this JVM on
 * the same database, serves the first node's sessions, refuses a key the first revoked, and
 * counts rate limits and sign-in failures together with it. A node that stops signs nobody out.
 * Jobs and cache invalidation across nodes: shared.SeveralNodesTest.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesTest extends ApiTest {

    private static final String PASSWORD = "two nodes password";

    @Autowired
    private Users users;

    private ConfigurableApplicationContext second;

    @BeforeAll
    void startSecondNode() {
        second = node();
    }

    @AfterAll
    void stopSecondNode() {
        second.close();
    }

    private static ConfigurableApplicationContext node() {
        // Arguments, so they win over application.properties (server.port=${SERVER_PORT:8080}); a small
        // pool, since the suite's PostgreSQL serves other test contexts at the same time.
        return new SpringApplicationBuilder(LinkledgerApplication.class)
                .run("--server.port=0", "--spring.main.banner-mode=off",
                        "--spring.datasource.hikari.maximum-pool-size=4", "--spring.datasource.hikari.minimum-idle=1");
    }

    private static String baseUrl(ConfigurableApplicationContext node) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    private String signedInUser() {
        String email = "nodes." + UUID.randomUUID() + "@example.com";
        users.create(brand.id(), email, PASSWORD, Role.ADMIN);
        return email;
    }

    @Test
    void aSessionStartedOnOneNodeIsServedByTheOther() {
        ConsoleClient browser = new ConsoleClient(api.baseUrl());
        assertThat(ConsoleClient.signedIn(browser.signIn(signedInUser(), PASSWORD))).isTrue();

        assertThat(browser.to(baseUrl(second)).get("/settings").status()).isEqualTo(200);
        assertThat(browser.post("/logout", Map.of()).status()).isEqualTo(302);
        assertThat(browser.to(api.baseUrl()).get("/settings").status()).isEqualTo(302);
    }

    @Test
    void aNodeThatStopsSignsNobodyOut() {
        ConfigurableApplicationContext doomed = node();
        ConsoleClient browser = new ConsoleClient(baseUrl(doomed));
        assertThat(ConsoleClient.signedIn(browser.signIn(signedInUser(), PASSWORD))).isTrue();

        doomed.close();

        assertThat(browser.to(api.baseUrl()).get("/settings").status()).isEqualTo(200);
    }

    @Test
    void consoleSignInFailuresCountOnEveryNode() {
        String email = signedInUser();
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            String node = i % 2 == 0 ? api.baseUrl() : baseUrl(second);
            assertThat(ConsoleClient.signedIn(new ConsoleClient(node).signIn(email, "wrong password " + i))).isFalse();
        }

        assertThat(new ConsoleClient(baseUrl(second)).signIn(email, PASSWORD).header("Location"))
                .endsWith("/login?error&locked");
        assertThat(new ConsoleClient(api.baseUrl()).signIn(email, PASSWORD).header("Location"))
                .endsWith("/login?error&locked");
    }

    @Test
    void aKeyRevokedOnOneNodeIsRefusedByTheOtherAtOnce() {
        String key = created(api.post("/api/v1/api-keys", Map.of("name", "two nodes"))).get("key").asString();
        Api onSecond = new Api(baseUrl(second), key);
        assertThat(onSecond.get("/api/v1/offers").status()).isEqualTo(200);
        String id = api.get("/api/v1/api-keys").json().valueStream()
                .filter(k -> k.get("name").asString().equals("two nodes")).findFirst().orElseThrow()
                .get("id").asString();

        assertThat(api.delete("/api/v1/api-keys/" + id).status()).isEqualTo(204);

        problem(onSecond.get("/api/v1/offers"), 401);
    }

    @Test
    void dashboardRateLimitsCountRequestsToEveryNode() throws InterruptedException {
        String offerId = createLinkOffer("Rate limited").get("id").asString();
        String memberId = createMember("Rae Limit", "rae." + UUID.randomUUID() + "@example.com").get("id").asString();
        String link = assign(offerId, memberId).get(0).get("dashboardLink").asString();
        String path = "/d/" + link.substring(link.lastIndexOf('/') + 1) + ".json";
        Api first = api.withKey(null);
        Api other = new Api(baseUrl(second), null);

        // 60 a minute per link (the default): half on each node, then one more on either.
        RateWindows.awaitRoom(Duration.ofMinutes(1), Duration.ofSeconds(10));
        for (int i = 0; i < 30; i++) {
            assertThat(first.get(path).status()).isEqualTo(200);
            assertThat(other.get(path).status()).isEqualTo(200);
        }
        problem(other.get(path), 429);
        problem(first.get(path), 429);
    }

    @Test
    void portalSignInLimitsCountRequestsToEveryNode() throws InterruptedException {
        String email = "limited." + UUID.randomUUID() + "@example.com";
        RateWindows.awaitRoom(Duration.ofMinutes(15), Duration.ofSeconds(10));
        for (int i = 0; i < 5; i++) {
            assertThat(requestSignInLink(i % 2 == 0 ? api.baseUrl() : baseUrl(second), email)).isEqualTo(200);
        }
        assertThat(requestSignInLink(api.baseUrl(), email)).isEqualTo(429);
        assertThat(requestSignInLink(baseUrl(second), email)).isEqualTo(429);
    }

    private static int requestSignInLink(String node, String email) {
        ConsoleClient browser = new ConsoleClient(node);
        browser.get("/portal");
        return browser.post("/portal/sign-in", Map.of("email", email)).status();
    }
}
