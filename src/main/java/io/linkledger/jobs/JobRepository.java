package io.linkledger.jobs;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.linkledger.shared.Sql;

@Repository
class JobRepository {

    private final JdbcClient jdbc;

    JobRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID brandId, String kind, int total, Instant now) {
        jdbc.sql("""
                insert into jobs (id, brand_id, kind, status, done, total, created_at, heartbeat_at)
                values (?, ?, ?, 'RUNNING', 0, ?, ?, ?)""")
                .params(id, brandId, kind, total, Sql.ts(now), Sql.ts(now))
                .update();
    }

    void progress(UUID id, int done, Instant now) {
        jdbc.sql("update jobs set done = ?, heartbeat_at = ? where id = ?").params(done, Sql.ts(now), id).update();
    }

    void finish(UUID id, JobStatus status, int done, String result, String error, Instant now) {
        jdbc.sql("""
                update jobs set status = ?, done = ?, result = ?, error = ?, heartbeat_at = ?, finished_at = ?
                where id = ?""")
                .params(status.name(), done, result, error, Sql.ts(now), Sql.ts(now), id)
                .update();
    }

    /** Jobs whose worker stopped reporting (its node died) are failed, so nobody waits forever. */
    int failStalled(Instant heartbeatBefore, Instant now) {
        return jdbc.sql("""
                update jobs set status = 'FAILED', finished_at = ?,
                    error = 'Interrupted by a restart; run it again (repeating it is safe)'
                where status = 'RUNNING' and heartbeat_at < ?""")
                .params(Sql.ts(now), Sql.ts(heartbeatBefore))
                .update();
    }

    Optional<Job> find(UUID id) {
        return jdbc.sql("""
                select id, brand_id, kind, status, done, total, result, error, created_at, finished_at
                from jobs where id = ?""")
                .param(id)
                .query((rs, n) -> new Job(Sql.uuid(rs, "id"), Sql.uuid(rs, "brand_id"), rs.getString("kind"),
                        JobStatus.valueOf(rs.getString("status")), rs.getInt("done"), rs.getInt("total"),
                        rs.getString("result"), rs.getString("error"), Sql.instant(rs, "created_at"),
                        Sql.instant(rs, "finished_at")))
                .optional();
    }
}
