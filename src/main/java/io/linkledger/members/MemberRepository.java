package io.linkledger.members;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.linkledger.shared.Sql;

/** Members and their tags. Every read brings the tags along, with one more query per read. */
@Repository
class MemberRepository {

    private static final String COLUMNS =
            "id, brand_id, name, email, handle, paypal_email, notes, created_at, updated_at";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    MemberRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    void insertAll(List<Member> members) {
        batch.batchUpdate("""
                insert into members (id, brand_id, name, email, email_key, handle, paypal_email, notes, created_at,
                    updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", members, 500, (ps, m) -> {
            ps.setObject(1, m.id());
            ps.setObject(2, m.brandId());
            ps.setString(3, m.name());
            ps.setString(4, m.email());
            ps.setString(5, emailKey(m.email()));
            ps.setString(6, m.handle());
            ps.setString(7, m.paypalEmail());
            ps.setString(8, m.notes());
            ps.setObject(9, Sql.ts(m.createdAt()));
            ps.setObject(10, Sql.ts(m.updatedAt()));
        });
        insertTags(members);
    }

    /** Saves everything but the email of these members, tags included. */
    void updateAll(List<Member> members) {
        batch.batchUpdate("update members set name = ?, handle = ?, paypal_email = ?, notes = ?, updated_at = ? "
                + "where id = ?", members, 500, (ps, m) -> {
                    ps.setString(1, m.name());
                    ps.setString(2, m.handle());
                    ps.setString(3, m.paypalEmail());
                    ps.setString(4, m.notes());
                    ps.setObject(5, Sql.ts(m.updatedAt()));
                    ps.setObject(6, m.id());
                });
        replaceTags(members);
    }

    void insert(Member m) {
        insertAll(List.of(m));
    }

    void update(Member m) {
        jdbc.sql("""
                update members set name = ?, email = ?, email_key = ?, handle = ?, paypal_email = ?, notes = ?,
                    updated_at = ?
                where id = ?""")
                .params(m.name(), m.email(), emailKey(m.email()), m.handle(), m.paypalEmail(), m.notes(),
                        Sql.ts(m.updatedAt()), m.id())
                .update();
        replaceTags(List.of(m));
    }

    private void replaceTags(List<Member> members) {
        if (members.isEmpty()) {
            return;
        }
        for (int from = 0; from < members.size(); from += 500) {
            List<UUID> ids = members.subList(from, Math.min(members.size(), from + 500)).stream()
                    .map(Member::id).toList();
            jdbc.sql("delete from member_tags where member_id in (:ids)").param("ids", ids).update();
        }
        insertTags(members);
    }

    private void insertTags(List<Member> members) {
        List<Object[]> rows = new ArrayList<>();
        for (Member m : members) {
            for (String tag : m.tags()) {
                rows.add(new Object[] {m.id(), tag, Tags.key(tag)});
            }
        }
        if (!rows.isEmpty()) {
            batch.batchUpdate("insert into member_tags (member_id, tag, tag_key) values (?, ?, ?)", rows);
        }
    }

    Optional<Member> find(UUID id) {
        return one(jdbc.sql("select " + COLUMNS + " from members where id = ?").param(id).query(this::member).list());
    }

    Optional<Member> findByEmail(UUID brandId, String email) {
        return one(jdbc.sql("select " + COLUMNS + " from members where brand_id = ? and email_key = ?")
                .params(brandId, emailKey(email))
                .query(this::member)
                .list());
    }

    List<Member> findByEmails(UUID brandId, Collection<String> emails) {
        if (emails.isEmpty()) {
            return List.of();
        }
        return withTags(jdbc.sql("select " + COLUMNS
                        + " from members where brand_id = :brand and email_key in (:emails)")
                .param("brand", brandId)
                .param("emails", emails.stream().map(MemberRepository::emailKey).toList())
                .query(this::member)
                .list());
    }

    List<Member> findByEmailAcrossBrands(String email) {
        return withTags(jdbc.sql("select " + COLUMNS + " from members where email_key = ? order by created_at, id")
                .param(emailKey(email))
                .query(this::member)
                .list());
    }

    List<Member> findAll(UUID brandId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return withTags(jdbc.sql("select " + COLUMNS + " from members where brand_id = :brand and id in (:ids)")
                .param("brand", brandId)
                .param("ids", ids)
                .query(this::member)
                .list());
    }

    List<Member> list(UUID brandId, String search, int limit, int offset) {
        return withTags(jdbc.sql("select " + COLUMNS + " from members where brand_id = :brand" + searchClause(search)
                        + " order by name, id limit :limit offset :offset")
                .param("brand", brandId)
                .param("search", searchPattern(search))
                .param("limit", limit)
                .param("offset", offset)
                .query(this::member)
                .list());
    }

    /** The page after {@code after} in name order, for reading every member without offsets. */
    List<Member> listAfter(UUID brandId, String search, Member after, int limit) {
        String from = after == null ? "" : " and (name > :name or (name = :name and id > :id))";
        JdbcClient.StatementSpec query = jdbc.sql("select " + COLUMNS + " from members where brand_id = :brand"
                        + searchClause(search) + from + " order by name, id limit :limit")
                .param("brand", brandId)
                .param("search", searchPattern(search))
                .param("limit", limit);
        if (after != null) {
            query = query.param("name", after.name()).param("id", after.id());
        }
        return withTags(query.query(this::member).list());
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
                : " and (lower(name) like :search or email_key like :search or lower(handle) like :search"
                        + " or exists (select 1 from member_tags t where t.member_id = members.id"
                        + " and t.tag_key like :search))";
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

    private Optional<Member> one(List<Member> found) {
        return withTags(found).stream().findFirst();
    }

    private List<Member> withTags(List<Member> members) {
        if (members.isEmpty()) {
            return members;
        }
        Map<UUID, List<String>> tags = new HashMap<>();
        for (int from = 0; from < members.size(); from += 1000) {
            List<UUID> ids = members.subList(from, Math.min(members.size(), from + 1000)).stream()
                    .map(Member::id).toList();
            jdbc.sql("select member_id, tag from member_tags where member_id in (:ids) order by tag_key")
                    .param("ids", ids)
                    .query(rs -> {
                        tags.computeIfAbsent(Sql.uuid(rs, "member_id"), k -> new ArrayList<>())
                                .add(rs.getString("tag"));
                    });
        }
        if (tags.isEmpty()) {
            return members;
        }
        return members.stream().map(m -> tags.containsKey(m.id()) ? m.withTags(tags.get(m.id())) : m).toList();
    }

    private Member member(ResultSet rs, int row) throws SQLException {
        return new Member(Sql.uuid(rs, "id"), Sql.uuid(rs, "brand_id"), rs.getString("name"), rs.getString("email"),
                rs.getString("handle"), rs.getString("paypal_email"), rs.getString("notes"), List.of(),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }
}
