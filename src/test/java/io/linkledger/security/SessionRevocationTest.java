package io.linkledger.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.linkledger.brands.Role;
import io.linkledger.brands.User;
import io.linkledger.brands.Users;
import io.linkledger.support.Api;
import io.linkledger.support.ApiTest;

/**
 * A console session never keeps rights its user lost: disabling a user, changing their role or
 * their password ends their sessions at once. An API key stops working the moment it is revoked.
 */
class SessionRevocationTest extends ApiTest {

    private static final String PASSWORD = "session test password";

    @Autowired
    private Users users;

    private User admin;
    private ConsoleClient session;

    @BeforeEach
    void signedInAdmin() {
        // A second admin, so the first may be disabled or demoted.
        users.create(brand.id(), "owner." + UUID.randomUUID() + "@example.com", PASSWORD, Role.ADMIN);
        admin = users.create(brand.id(), "admin." + UUID.randomUUID() + "@example.com", PASSWORD, Role.ADMIN);
        session = new ConsoleClient(api.baseUrl());
        assertThat(ConsoleClient.signedIn(session.signIn(admin.email(), PASSWORD))).isTrue();
        assertThat(session.get("/settings").status()).isEqualTo(200);
    }

    @Test
    void sessionsAreKeptInTheDatabaseUnderTheUsersName() {
        assertThat(count("select count(*) from spring_session where principal_name = ?", "user:" + admin.email()))
                .isEqualTo(1);
    }

    @Test
    void disablingAUserEndsTheirSessionsSoTheyCanNoLongerMintKeys() {
        api.patch("/api/v1/users/" + admin.id(), Map.of("disabled", true));

        assertThat(session.get("/settings").status()).isEqualTo(302);
        Api.Response mint = session.post("/settings/keys", Map.of("name", "after disabling"));
        assertThat(mint.status()).isIn(302, 403);
        assertThat(count("select count(*) from api_keys where brand_id = ? and name = ?", brand.id(),
                "after disabling")).isZero();
        assertThat(count("select count(*) from spring_session where principal_name = ?", "user:" + admin.email()))
                .isZero();
    }

    @Test
    void demotingAUserEndsTheirSessionsAndTheNextSignInHasOnlyTheNewRole() {
        api.patch("/api/v1/users/" + admin.id(), Map.of("role", "VIEWER"));

        assertThat(session.get("/settings").status()).isEqualTo(302);
        ConsoleClient again = new ConsoleClient(api.baseUrl());
        assertThat(ConsoleClient.signedIn(again.signIn(admin.email(), PASSWORD))).isTrue();
        assertThat(again.get("/projects").status()).isEqualTo(200);
        assertThat(again.post("/projects", Map.of("name", "Made by a viewer")).status()).isEqualTo(403);
    }

    @Test
    void aNewPasswordEndsTheOldSessions() {
        assertThat(api.patch("/api/v1/users/" + admin.id(), Map.of("password", "a brand new password")).status())
                .isEqualTo(200);

        assertThat(session.get("/settings").status()).isEqualTo(302);
        assertThat(ConsoleClient.signedIn(new ConsoleClient(api.baseUrl()).signIn(admin.email(), PASSWORD))).isFalse();
        assertThat(ConsoleClient.signedIn(new ConsoleClient(api.baseUrl()).signIn(admin.email(),
                "a brand new password"))).isTrue();
    }

    @Test
    void otherUsersSessionsAreLeftAlone() {
        User other = users.create(brand.id(), "other." + UUID.randomUUID() + "@example.com", PASSWORD, Role.VIEWER);
        api.patch("/api/v1/users/" + other.id(), Map.of("disabled", true));
        assertThat(session.get("/settings").status()).isEqualTo(200);
    }

    @Test
    void aRevokedKeyIsRefusedOnTheVeryNextRequest() {
        String key = created(api.post("/api/v1/api-keys", Map.of("name", "short-lived"))).get("key").asString();
        String id = api.get("/api/v1/api-keys").json().valueStream()
                .filter(k -> k.get("name").asString().equals("short-lived")).findFirst().orElseThrow()
                .get("id").asString();
        assertThat(api.withKey(key).get("/api/v1/offers").status()).isEqualTo(200);

        assertThat(api.delete("/api/v1/api-keys/" + id).status()).isEqualTo(204);
        problem(api.withKey(key).get("/api/v1/offers"), 401);
        problem(api.withKey(key).post("/api/v1/users", Map.of("email", "x." + UUID.randomUUID() + "@example.com",
                "password", "a long enough password", "role", "ADMIN")), 401);
    }

    @Test
    void aKeyRevokedByAnotherNodeIsRefusedAtOnceHereToo() {
        String key = created(api.post("/api/v1/api-keys", Map.of("name", "revoked elsewhere"))).get("key").asString();
        assertThat(api.withKey(key).get("/api/v1/offers").status()).isEqualTo(200);

        // What another node does when it revokes the key: the row changes, this node was not told.
        jdbc.sql("update api_keys set revoked_at = current_timestamp where brand_id = ? and name = ?")
                .params(brand.id(), "revoked elsewhere").update();
        problem(api.withKey(key).get("/api/v1/offers"), 401);
    }
}
