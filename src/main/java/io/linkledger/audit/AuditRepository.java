package io.linkledger.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.linkledger.shared.Sql;

/** The audit_entries table: rows are inserted and read, never updated or deleted. */
@Repository
class AuditRepository {

    private static final String COLUMNS = """
            seq, id, occurred_at, actor_type, actor_id, actor_name, address, action, entity_type, entity_id,
            offer_id, member_id, before_json, after_json""";

    private static final String FILTER = """
            where brand_id = :brand
              and (cast(:actor as varchar(320)) is null or lower(actor_name) = lower(:actor)
                   or cast(actor_id as varchar(36)) = lower(:actor))
              and (cast(:entityType as varchar(40)) is null or entity_type = :entityType)
              and (cast(:entityId as varchar(64)) is null or entity_id = :entityId)
              and (cast(:action as varchar(60)) is null or action = :action)
              and (cast(:from as timestamp with time zone) is null or occurred_at >= :from)
              and (cast(:to as timestamp with time zone) is null or occurred_at < :to)""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    AuditRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Inserts the brand's records in batches; one round trip for a whole import's changes. */
    void insertAll(UUID brandId, List<AuditRecord> records) {
        batch.batchUpdate("""
                insert into audit_entries (id, brand_id, occurred_at, actor_type, actor_id, actor_name, address,
                    action, entity_type, entity_id, offer_id, member_id, before_json, after_json)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", records, 500, (ps, r) -> {
            ps.setObject(1, r.id());
            ps.setObject(2, brandId);
            ps.setObject(3, Sql.ts(r.at()));
            ps.setString(4, r.actor().type().name());
            ps.setObject(5, r.actor().id());
            ps.setString(6, r.actor().name());
            ps.setString(7, r.actor().address());
            ps.setString(8, r.action());
            ps.setString(9, r.entityType());
            ps.setString(10, r.entityId());
            ps.setObject(11, r.offerId());
            ps.setObject(12, r.memberId());
            ps.setString(13, r.before());
            ps.setString(14, r.after());
        });
    }

    /** Newest first. */
    List<AuditRecord> page(UUID brandId, AuditFilter filter, int limit, int offset) {
        return filtered("select " + COLUMNS + " from audit_entries " + FILTER
                + " order by seq desc limit :limit offset :offset", brandId, filter)
                .param("limit", limit)
                .param("offset", offset)
                .query(this::row)
                .list();
    }

    long count(UUID brandId, AuditFilter filter) {
        return filtered("select count(*) from audit_entries " + FILTER, brandId, filter).query(Long.class).single();
    }

    /** Newest first, those written before {@code beforeSeq}: an export pages on seq, not offsets. */
    List<AuditRecord> before(UUID brandId, AuditFilter filter, long beforeSeq, int limit) {
        return filtered("select " + COLUMNS + " from audit_entries " + FILTER
                + " and seq < :beforeSeq order by seq desc limit :limit", brandId, filter)
                .param("beforeSeq", beforeSeq)
                .param("limit", limit)
                .query(this::row)
                .list();
    }

    /** Who appears in the brand's log (emails, key names, "system"), for the console's filter. */
    List<String> actorNames(UUID brandId) {
        return jdbc.sql("select distinct actor_name from audit_entries where brand_id = ? order by actor_name")
                .param(brandId).query(String.class).list();
    }

    List<String> entityTypes(UUID brandId) {
        return jdbc.sql("select distinct entity_type from audit_entries where brand_id = ? order by entity_type")
                .param(brandId).query(String.class).list();
    }

    List<String> actions(UUID brandId) {
        return jdbc.sql("select distinct action from audit_entries where brand_id = ? order by action")
                .param(brandId).query(String.class).list();
    }

    private JdbcClient.StatementSpec filtered(String sql, UUID brandId, AuditFilter f) {
        return jdbc.sql(sql)
                .param("brand", brandId)
                .param("actor", f.actor())
                .param("entityType", f.entityType())
                .param("entityId", f.entityId())
                .param("action", f.action())
                .param("from", Sql.ts(f.from()))
                .param("to", Sql.ts(f.to()));
    }

    private AuditRecord row(ResultSet rs, int n) throws SQLException {
        Actor actor = new Actor(ActorType.valueOf(rs.getString("actor_type")), Sql.uuid(rs, "actor_id"),
                rs.getString("actor_name"), rs.getString("address"));
        return new AuditRecord(rs.getLong("seq"), Sql.uuid(rs, "id"), Sql.instant(rs, "occurred_at"), actor,
                rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"),
                Sql.uuid(rs, "offer_id"), Sql.uuid(rs, "member_id"), rs.getString("before_json"),
                rs.getString("after_json"));
    }
}
