package io.linkledger.security;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.linkledger.shared.Sql;

@Repository
class SignInFailureRepository {

    private final JdbcClient jdbc;

    SignInFailureRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Failures(int count, Instant lastFailureAt, Instant lockedUntil) {
    }

    Optional<Instant> lockedUntil(String accountHash) {
        return jdbc.sql("""
                select locked_until from sign_in_failures where account_hash = ? and locked_until is not null""")
                .param(accountHash)
                .query((rs, row) -> Sql.instant(rs, "locked_until"))
                .optional();
    }

    /** The account's failures, its row locked until the transaction ends (made first if missing). */
    Failures lockForUpdate(String accountHash, Instant now) {
        jdbc.sql("""
                insert into sign_in_failures (account_hash, failures, last_failure_at) values (?, 0, ?)
                on conflict do nothing""")
                .params(accountHash, Sql.ts(now))
                .update();
        return jdbc.sql("""
                select failures, last_failure_at, locked_until from sign_in_failures
                where account_hash = ? for update""")
                .param(accountHash)
                .query((rs, row) -> new Failures(rs.getInt("failures"), Sql.instant(rs, "last_failure_at"),
                        Sql.instant(rs, "locked_until")))
                .single();
    }

    void update(String accountHash, Failures failures) {
        jdbc.sql("""
                update sign_in_failures set failures = ?, last_failure_at = ?, locked_until = ?
                where account_hash = ?""")
                .params(failures.count(), Sql.ts(failures.lastFailureAt()), Sql.ts(failures.lockedUntil()), accountHash)
                .update();
    }

    void delete(String accountHash) {
        jdbc.sql("delete from sign_in_failures where account_hash = ?").param(accountHash).update();
    }
}
