package io.linkledger.dashboard;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.linkledger.shared.Sql;

@Repository
class SignInLinkRepository {

    private final JdbcClient jdbc;

    SignInLinkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Link(String emailKey, Instant expiresAt, Instant usedAt) {
    }

    void insert(String tokenHash, String emailKey, Instant createdAt, Instant expiresAt) {
        jdbc.sql("""
                insert into portal_sign_in_links (token_hash, email_key, created_at, expires_at)
                values (?, ?, ?, ?)""")
                .params(tokenHash, emailKey, Sql.ts(createdAt), Sql.ts(expiresAt))
                .update();
    }

    Optional<Link> find(String tokenHash) {
        return jdbc.sql("select email_key, expires_at, used_at from portal_sign_in_links where token_hash = ?")
                .param(tokenHash)
                .query((rs, row) -> new Link(rs.getString("email_key"), Sql.instant(rs, "expires_at"),
                        Sql.instant(rs, "used_at")))
                .optional();
    }

    /** Marks the link used if it still works; one caller wins even when two race. */
    boolean use(String tokenHash, Instant now) {
        return jdbc.sql("""
                update portal_sign_in_links set used_at = ?
                where token_hash = ? and used_at is null and expires_at > ?""")
                .params(Sql.ts(now), tokenHash, Sql.ts(now))
                .update() == 1;
    }
}
