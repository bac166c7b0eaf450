package io.linkledger.members;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.linkledger.shared.Sql;

@Repository
class MemberRepository {

    private static final String COLUMNS = "id, brand_id, name, email, handle, paypal_email, created_at, updated_at";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    MemberRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    void insertAll(List<Member> members) {
        batch.batchUpdate("""
                insert into members (id, brand_id, name, email, email_key, handle, paypal_email, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", members, 500, (ps, m) -> {
            ps.setObject(1, m.id());
            ps.setObject(2, m.brandId());
            ps.setString(3, m.name());
            ps.setString(4, m.email());
            ps.setString(5, emailKey(m.email()));
            ps.setString(6, m.handle());
            ps.setString(7, m.paypalEmail());
            ps.setObject(8, Sql.ts(m.createdAt()));
            ps.setObject(9, Sql.ts(m.updatedAt()));
        });
    }

    void updateAll(List<Member> members) {
        batch.batchUpdate("update members set name = ?, handle = ?, paypal_email = ?, updated_at = ? where id = ?",
                members, 500, (ps, m) -> {
                    ps.setString(1, m.name());
                    ps.setString(2, m.handle());
                    ps.setString(3, m.paypalEmail());
                    ps.setObject(4, Sql.ts(m.updatedAt()));
                    ps.setObject(5, m.id());
                });
    }

    void insert(Member m) {
        jdbc.sql("""
                insert into members (id, brand_id, name, email, email_key, handle, paypal_email, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(m.id(), m.brandId(), m.name(), m.email(), emailKey(m.email()), m.handle(), m.paypalEmail(),
                        Sql.ts(m.createdAt()), Sql.ts(m.updatedAt()))
                .update();
    }

    void update(Member m) {
        jdbc.sql("""
                update members set name = ?, email = ?, email_key = ?, handle = ?, paypal_email = ?, updated_at = ?
                where id = ?""")
                .params(m.name(), m.email(), emailKey(m.email()), m.handle(), m.paypalEmail(), Sql.ts(m.updatedAt()),
                        m.id())
                .update();
    }

    Optional<Member> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from members where id = ?").param(id).query(this::member).optional();
    }

    Optional<Member> findByEmail(UUID brandId, String email) {
        return jdbc.sql("select " + COLUMNS + " from members where brand_id = ? and email_key = ?")
                .params(brandId, emailKey(email))
                .query(this::member)
                .optional();
    }

    List<Member> findByEmails(UUID brandId, Collection<String> emails) {
        if (emails.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from members where brand_id = :brand and email_key in (:emails)")
                .param("brand", brandId)
                .param("emails", emails.stream().map(MemberRepository::emailKey).toList())
                .query(this::member)
                .list();
    }

    List<Member> findByEmailAcrossBrands(String email) {
        return jdbc.sql("select " + COLUMNS + " from members where email_key = ? order by created_at, id")
                .param(emailKey(email))
                .query(this::member)
                .list();
    }

    List<Member> findAll(UUID brandId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from members where brand_id = :brand and id in (:ids)")
                .param("brand", brandId)
                .param("ids", ids)
                .query(this::member)
                .list();
    }

    List<Member> list(UUID brandId, String search, int limit, int offset) {
        return jdbc.sql("select " + COLUMNS + " from members where brand_id = :brand" + searchClause(search)
                        + " order by name, id limit :limit offset :offset")
                .param("brand", brandId)
                .param("search", searchPattern(search))
                .param("limit", limit)
                .param("offset", offset)
                .query(this::member)
                .list();
    }

    long count(UUID brandId, String search) {
        return jdbc.sql("select count(*) from members where brand_id = :brand" + searchClause(search))
                .param("brand", brandId)
                .param("search", searchPattern(search))
                .query(Long.class)
                .single();
    }

    private static String searchClause(String search) {
        return search == null || search.isBlank() ? ""
                : " and (lower(name) like :search or email_key like :search or lower(handle) like :search)";
    }

    private static String searchPattern(String search) {
        if (search == null || search.isBlank()) {
            return "";
        }
        String escaped = search.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + escaped + "%";
    }

    static String emailKey(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    private Member member(ResultSet rs, int row) throws SQLException {
        return new Member(Sql.uuid(rs, "id"), Sql.uuid(rs, "brand_id"), rs.getString("name"), rs.getString("email"),
                rs.getString("handle"), rs.getString("paypal_email"), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }
}
