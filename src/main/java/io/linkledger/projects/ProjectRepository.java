package io.linkledger.projects;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.linkledger.shared.Sql;

@Repository
class ProjectRepository {

    private static final String SELECT = """
            select p.id, p.brand_id, p.name, p.created_at,
                (select count(*) from project_members pm where pm.project_id = p.id) as member_count
            from projects p""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    ProjectRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    void insert(UUID id, UUID brandId, String name, Instant now) {
        jdbc.sql("insert into projects (id, brand_id, name, created_at) values (?, ?, ?, ?)")
                .params(id, brandId, name, Sql.ts(now))
                .update();
    }

    Optional<Project> find(UUID id) {
        return jdbc.sql(SELECT + " where p.id = ?").param(id).query(this::project).optional();
    }

    List<Project> list(UUID brandId, int limit, int offset) {
        return jdbc.sql(SELECT + " where p.brand_id = ? order by p.created_at desc, p.id limit ? offset ?")
                .params(brandId, limit, offset)
                .query(this::project)
                .list();
    }

    long count(UUID brandId) {
        return jdbc.sql("select count(*) from projects where brand_id = ?").param(brandId).query(Long.class).single();
    }

    List<UUID> memberIds(UUID projectId) {
        return jdbc.sql("select member_id from project_members where project_id = ? order by added_at, member_id")
                .param(projectId)
                .query((rs, n) -> Sql.uuid(rs, "member_id"))
                .list();
    }

    List<UUID> memberIds(UUID projectId, int limit, int offset) {
        return jdbc.sql("""
                select member_id from project_members where project_id = ?
                order by added_at, member_id limit ? offset ?""")
                .params(projectId, limit, offset)
                .query((rs, n) -> Sql.uuid(rs, "member_id"))
                .list();
    }

    /** Adds the members not in the project yet; returns how many were new. */
    int addMembers(UUID projectId, List<UUID> memberIds, Instant now) {
        List<UUID> present = jdbc.sql("select member_id from project_members where project_id = :project "
                        + "and member_id in (:members)")
                .param("project", projectId)
                .param("members", memberIds)
                .query((rs, n) -> Sql.uuid(rs, "member_id"))
                .list();
        List<UUID> fresh = memberIds.stream().distinct().filter(id -> !present.contains(id)).toList();
        batch.batchUpdate("insert into project_members (project_id, member_id, added_at) values (?, ?, ?)", fresh, 500,
                (ps, memberId) -> {
                    ps.setObject(1, projectId);
                    ps.setObject(2, memberId);
                    ps.setObject(3, Sql.ts(now));
                });
        return fresh.size();
    }

    boolean removeMember(UUID projectId, UUID memberId) {
        return jdbc.sql("delete from project_members where project_id = ? and member_id = ?")
                .params(projectId, memberId)
                .update() > 0;
    }

    private Project project(ResultSet rs, int row) throws SQLException {
        return new Project(Sql.uuid(rs, "id"), Sql.uuid(rs, "brand_id"), rs.getString("name"),
                rs.getLong("member_count"), Sql.instant(rs, "created_at"));
    }
}
