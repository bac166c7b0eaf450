package io.linkledger.members;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.linkledger.shared.Sql;

/** Uploaded CSV files waiting for the brand to confirm their import. */
@Repository
class ImportDraftRepository {

    private final JdbcClient jdbc;

    ImportDraftRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID brandId, MemberImport.Draft draft, String csv) {
        jdbc.sql("insert into member_import_drafts (id, brand_id, file_name, csv, created_at) values (?, ?, ?, ?, ?)")
                .params(draft.id(), brandId, draft.fileName(), csv, Sql.ts(draft.createdAt()))
                .update();
    }

    Optional<MemberImport.Draft> find(UUID brandId, UUID id, Instant notBefore) {
        return jdbc.sql("""
                select id, file_name, created_at from member_import_drafts
                where id = ? and brand_id = ? and created_at >= ?""")
                .params(id, brandId, Sql.ts(notBefore))
                .query((rs, n) -> new MemberImport.Draft(Sql.uuid(rs, "id"), rs.getString("file_name"),
                        Sql.instant(rs, "created_at")))
                .optional();
    }

    Optional<String> csv(UUID brandId, UUID id, Instant notBefore) {
        return jdbc.sql("select csv from member_import_drafts where id = ? and brand_id = ? and created_at >= ?")
                .params(id, brandId, Sql.ts(notBefore))
                .query((rs, n) -> rs.getString("csv"))
                .optional();
    }

    /** Whether this call removed the draft: of two confirmations at once, only one gets true. */
    boolean delete(UUID brandId, UUID id) {
        return jdbc.sql("delete from member_import_drafts where id = ? and brand_id = ?")
                .params(id, brandId)
                .update() == 1;
    }

    void deleteOlderThan(Instant cutoff) {
        jdbc.sql("delete from member_import_drafts where created_at < ?").param(Sql.ts(cutoff)).update();
    }
}
