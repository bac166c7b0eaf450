package io.linkledger.brands;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.linkledger.shared.Sql;

@Repository
class UserRepository {

    private static final String COLUMNS = "id, brand_id, email, role, created_at, disabled_at";

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Credentials(User user, String passwordHash) {
    }

    void insert(User user, String passwordHash) {
        jdbc.sql("""
                insert into users (id, brand_id, email, email_key, password_hash, role, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(user.id(), user.brandId(), user.email(), key(user.email()), passwordHash, user.role().name(),
                        Sql.ts(user.createdAt()))
                .update();
    }

    boolean anyExists() {
        return jdbc.sql("select count(*) from users").query(Long.class).single() > 0;
    }

    Optional<Credentials> findCredentials(String email) {
        return jdbc.sql("select " + COLUMNS + ", password_hash from users where email_key = ?")
                .param(key(email))
                .query((rs, n) -> new Credentials(user(rs, n), rs.getString("password_hash")))
                .optional();
    }

    Optional<User> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from users where id = ?").param(id).query(this::user).optional();
    }

    boolean emailTaken(String email) {
        return jdbc.sql("select count(*) from users where email_key = ?").param(key(email)).query(Long.class)
                .single() > 0;
    }

    List<User> list(UUID brandId) {
        return jdbc.sql("select " + COLUMNS + " from users where brand_id = ? order by created_at, id")
                .param(brandId)
                .query(this::user)
                .list();
    }

    void update(UUID id, Role role, Instant disabledAt) {
        jdbc.sql("update users set role = ?, disabled_at = ? where id = ?")
                .params(role.name(), Sql.ts(disabledAt), id)
                .update();
    }

    void updatePassword(UUID id, String passwordHash) {
        jdbc.sql("update users set password_hash = ? where id = ?").params(passwordHash, id).update();
    }

    private static String key(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    private User user(ResultSet rs, int row) throws SQLException {
        return new User(Sql.uuid(rs, "id"), Sql.uuid(rs, "brand_id"), rs.getString("email"),
                Role.valueOf(rs.getString("role")), Sql.instant(rs, "created_at"), Sql.instant(rs, "disabled_at"));
    }
}
