package io.linkledger.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.linkledger.shared.Sql;

@Repository
class SignInLinkRepository {

    private final JdbcClient jdbc;

    SignInLinkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Link(String emailKey, UUID emailId, Instant expiresAt, Instant usedAt) {
    }

    void insert(String tokenHash, String emailKey, UUID emailId, Instant createdAt, Instant expiresAt) {
        jdbc.sql("""
                insert into portal_sign_in_links (token_hash, email_key, email_id, created_at, expires_at)
                values (?, ?, ?, ?, ?)""")
                .params(tokenHash, emailKey, emailId, Sql.ts(createdAt), Sql.ts(expiresAt))
                .update();
    }

    Optional<Link> find(String tokenHash) {
        return jdbc.sql("""
                select email_key, email_id, expires_at, used_at from portal_sign_in_links where token_hash = ?""")
                .param(tokenHash)
                .query((rs, row) -> new Link(rs.getString("email_key"), Sql.uuid(rs, "email_id"),
                        Sql.instant(rs, "expires_at"), Sql.instant(rs, "used_at")))
                .optional();
    }

    /** Marks the link's email as redacted; false if it already was (by another node, say). */
    boolean markRedacted(UUID emailId, Instant now) {
        return jdbc.sql("""
                update portal_sign_in_links set email_redacted_at = ?
                where email_id = ? and email_redacted_at is null""")
                .params(Sql.ts(now), emailId)
                .update() > 0;
    }

    /** Emails whose link stopped working (used or expired) and still hold it. */
    List<UUID> unredactedEmailsOfDeadLinks(Instant now, int limit) {
        return jdbc.sql("""
                select email_id from portal_sign_in_links
                where email_redacted_at is null and email_id is not null and (used_at is not null or expires_at <= ?)
                order by expires_at limit ?""")
                .params(Sql.ts(now), limit)
                .query(UUID.class)
                .list();
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
