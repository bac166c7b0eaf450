package io.linkledger.brands;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.linkledger.support.ApiTest;
import tools.jackson.databind.JsonNode;

class UserApiTest extends ApiTest {

    private String email(String name) {
        return name + "." + UUID.randomUUID() + "@example.com";
    }

    @Test
    void createsUsersWithRolesAndStoresOnlyAPasswordHash() {
        String email = email("viewer");
        JsonNode viewer = created(api.post("/api/v1/users", Map.of("email", email,
                "password", "a long enough password", "role", "VIEWER")));
        assertThat(viewer.get("role").asString()).isEqualTo("VIEWER");
        assertThat(viewer.has("password")).isFalse();
        String hash = jdbc.sql("select password_hash from users where id = ?")
                .param(UUID.fromString(viewer.get("id").asString())).query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain("a long enough password");

        problem(api.post("/api/v1/users", Map.of("email", email.toUpperCase(), "password", "another long one!",
                "role", "ADMIN")), 409);
        JsonNode invalid = problem(api.post("/api/v1/users", Map.of("email", "nope", "password", "short")), 400);
        assertThat(invalid.get("errors")).hasSize(3);
    }

    @Test
    void theLastAdminCannotBeDemotedOrDisabled() {
        JsonNode admin = created(api.post("/api/v1/users", Map.of("email", email("admin"),
                "password", "a long enough password", "role", "ADMIN")));
        String id = admin.get("id").asString();
        problem(api.patch("/api/v1/users/" + id, Map.of("role", "VIEWER")), 409);
        problem(api.patch("/api/v1/users/" + id, Map.of("disabled", true)), 409);

        created(api.post("/api/v1/users", Map.of("email", email("second"), "password", "a long enough password",
                "role", "ADMIN")));
        assertThat(api.patch("/api/v1/users/" + id, Map.of("disabled", true)).json().get("disabledAt").isNull())
                .isFalse();
    }

    @Test
    void passwordsLongerThanBcryptReadsAreRefusedWithAClearMessage() {
        JsonNode tooLong = problem(api.post("/api/v1/users", Map.of("email", email("long"),
                "password", "a".repeat(73), "role", "VIEWER")), 400);
        assertThat(tooLong.get("detail").asString()).contains("password", "at most 72 bytes");
        // 19 emoji are 76 bytes in UTF-8, though only 38 Java chars.
        problem(api.post("/api/v1/users", Map.of("email", email("emoji"), "password", "\uD83D\uDD11".repeat(19),
                "role", "VIEWER")), 400);
        JsonNode fits = created(api.post("/api/v1/users", Map.of("email", email("fits"), "password", "b".repeat(72),
                "role", "VIEWER")));
        problem(api.patch("/api/v1/users/" + fits.get("id").asString(), Map.of("password", "c".repeat(100))), 400);
        assertThat(count("select count(*) from users where email_key like 'long.%' or email_key like 'emoji.%'"))
                .isZero();
    }
}
