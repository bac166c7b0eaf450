package io.linkledger.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.linkledger.brands.Role;
import io.linkledger.brands.Users;
import io.linkledger.shared.Tokens;
import io.linkledger.support.Api;
import io.linkledger.support.ApiTest;

/** Brand users sign in with a form and get a session; guessing is slowed by account and by address. */
class ConsoleSignInTest extends ApiTest {

    @Autowired
    private Users users;

    private ConsoleClient console() {
        return new ConsoleClient(api.baseUrl());
    }

    private String newUser(Role role, String password) {
        String email = "user." + UUID.randomUUID() + "@example.com";
        users.create(brand.id(), email, password, role);
        return email;
    }

    @Test
    void consolePagesNeedSignInAndTheBootstrapAdminCanSignIn() {
        ConsoleClient console = console();
        Api.Response anonymous = console.get("/offers");
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.header("Location")).endsWith("/login");

        assertThat(ConsoleClient.signedIn(console.signIn("admin@test.example", "correct horse battery staple")))
                .isTrue();
        assertThat(console.get("/offers").status()).isEqualTo(200);
    }

    @Test
    void anAccountLocksAfterRepeatedFailuresEvenForTheRightPasswordAndTheLockDoubles() {
        String email = newUser(Role.ADMIN, "the right password");
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            assertThat(ConsoleClient.signedIn(console().signIn(email, "wrong password " + i))).isFalse();
        }
        Api.Response locked = console().signIn(email, "the right password");
        assertThat(locked.header("Location")).endsWith("/login?error&locked");
        Duration firstLock = lockLeft(email);
        assertThat(firstLock).isBetween(Duration.ofSeconds(50), LoginThrottle.FIRST_LOCK);

        // The lock ran out; one more failure locks for twice as long.
        expireLock(email);
        assertThat(ConsoleClient.signedIn(console().signIn(email.toUpperCase(Locale.ROOT), "wrong again"))).isFalse();
        assertThat(lockLeft(email)).isBetween(Duration.ofSeconds(110), LoginThrottle.FIRST_LOCK.multipliedBy(2));

        expireLock(email);
        assertThat(ConsoleClient.signedIn(console().signIn(email, "the right password"))).isTrue();
        assertThat(count("select count(*) from sign_in_failures where account_hash = ?", account(email))).isZero();
    }

    @Test
    void unknownAccountsLockLikeRealOnesSoALockRevealsNothing() {
        String nobody = "nobody." + UUID.randomUUID() + "@example.com";
        for (int i = 0; i <= LoginThrottle.FREE_FAILURES; i++) {
            console().signIn(nobody, "guess " + i);
        }
        assertThat(lockLeft(nobody)).isPositive();
    }

    @Test
    void manyFailuresFromOneAddressDoNotRefuseAnotherAccountsRightPassword() {
        // Before accounts were locked one by one, 50 failures from an address refused everyone behind it.
        for (int i = 0; i < 50; i++) {
            console().signIn("guess." + i + "." + UUID.randomUUID() + "@example.com", "password guess " + i);
        }
        String colleague = newUser(Role.VIEWER, "colleague's password");
        long started = System.nanoTime();
        assertThat(ConsoleClient.signedIn(console().signIn(colleague, "colleague's password"))).isTrue();
        // Slowed down (the address is over its limit), not refused.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsAWrongPasswordNotAServerError() {
        String email = newUser(Role.ADMIN, "a fine password");
        Api.Response response = console().signIn(email, "x".repeat(100));
        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).endsWith("/login?error");
    }

    @Test
    void formsWithoutCsrfTokenAreRejected() {
        ConsoleClient console = console();
        Api.Response response = console.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin%40test.example&password=x")));
        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void viewersCanReadButNotChange() {
        String email = newUser(Role.VIEWER, "viewer password!");
        ConsoleClient console = console();
        assertThat(ConsoleClient.signedIn(console.signIn(email, "viewer password!"))).isTrue();
        assertThat(console.get("/offers").status()).isEqualTo(200);
        assertThat(console.post("/offers", Map.of()).status()).isEqualTo(403);
    }

    @Test
    void consolePagesRunOnlyTheirOwnScriptsAndAreNeverFramed() {
        ConsoleClient console = console();
        for (Api.Response page : new Api.Response[] {console.get("/login"), signedInPage(console, "/offers")}) {
            assertThat(page.header("Content-Security-Policy"))
                    .contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'",
                            "frame-ancestors 'none'", "base-uri 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(page.header("Referrer-Policy")).isEqualTo("same-origin");
            assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        }
    }

    @Test
    void behindATrustedProxyCookiesAreSecureAndRedirectsStayOnHttps() {
        Api.Response direct = console().get("/login");
        assertThat(direct.header("Set-Cookie")).contains("SESSION=").doesNotContainIgnoringCase("secure");

        // The test client is 127.0.0.1, the default trusted proxy, telling the server the client used https.
        ConsoleClient proxied = console();
        Api.Response login = proxied.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/login"))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "203.0.113.9").GET());
        assertThat(login.header("Set-Cookie")).containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly");
        assertThat(login.header("Strict-Transport-Security")).contains("max-age=");
        Api.Response anonymous = proxied.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/offers"))
                .header("X-Forwarded-Proto", "https").GET());
        assertThat(anonymous.header("Location")).matches("(https://[^/]+)?/login");
    }

    private Api.Response signedInPage(ConsoleClient console, String path) {
        assertThat(ConsoleClient.signedIn(console.signIn("admin@test.example", "correct horse battery staple")))
                .isTrue();
        return console.get(path);
    }

    private Duration lockLeft(String email) {
        OffsetDateTime until = jdbc.sql("select locked_until from sign_in_failures where account_hash = ?")
                .param(account(email)).query(OffsetDateTime.class).single();
        return Duration.between(Instant.now(), until.toInstant());
    }

    private void expireLock(String email) {
        jdbc.sql("update sign_in_failures set locked_until = ? where account_hash = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1), account(email)).update();
    }

    private static String account(String email) {
        return Tokens.sha256(email.toLowerCase(Locale.ROOT));
    }
}
