package io.linkledger.brands;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.linkledger.shared.Sql;

@Repository
class BrandRepository {

    private final JdbcClient jdbc;

    BrandRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Brand brand) {
        jdbc.sql("insert into brands (id, name, created_at) values (?, ?, ?)")
                .params(brand.id(), brand.name(), Sql.ts(brand.createdAt()))
                .update();
    }

    boolean anyExists() {
        return jdbc.sql("select count(*) from brands").query(Long.class).single() > 0;
    }

    Optional<Brand> find(UUID id) {
        return jdbc.sql("select id, name, created_at from brands where id = ?")
                .param(id)
                .query((rs, n) -> new Brand(Sql.uuid(rs, "id"), rs.getString("name"), Sql.instant(rs, "created_at")))
                .optional();
    }

    void insertKey(UUID id, UUID brandId, String name, String prefix, String hash, Instant now) {
        jdbc.sql("""
                insert into api_keys (id, brand_id, name, key_prefix, key_hash, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(id, brandId, name, prefix, hash, Sql.ts(now))
                .update();
    }

    void touchKey(String hash, Instant now) {
        jdbc.sql("update api_keys set last_used_at = ? where key_hash = ?").params(Sql.ts(now), hash).update();
    }

    Optional<BrandPrincipal> findActiveKey(String hash) {
        return jdbc.sql("""
                select brand_id, name, key_prefix from api_keys
                where key_hash = ? and revoked_at is null""")
                .param(hash)
                .query((rs, n) -> new BrandPrincipal(Sql.uuid(rs, "brand_id"),
                        "api-key:" + rs.getString("key_prefix")))
                .optional();
    }

    Optional<Brand> oldest() {
        return jdbc.sql("select id, name, created_at from brands order by created_at, id limit 1")
                .query((rs, n) -> new Brand(Sql.uuid(rs, "id"), rs.getString("name"), Sql.instant(rs, "created_at")))
                .optional();
    }

    List<ApiKey> listKeys(UUID brandId) {
        return jdbc.sql("""
                select id, name, key_prefix, created_at, last_used_at, revoked_at from api_keys
                where brand_id = ? order by created_at desc, id""")
                .param(brandId)
                .query((rs, n) -> new ApiKey(Sql.uuid(rs, "id"), rs.getString("name"), rs.getString("key_prefix"),
                        Sql.instant(rs, "created_at"), Sql.instant(rs, "last_used_at"), Sql.instant(rs, "revoked_at")))
                .list();
    }

    /** Revokes the brand's key; returns its hash so caches can drop it, or empty if there is no such key. */
    Optional<String> revokeKey(UUID brandId, UUID keyId, Instant now) {
        Optional<String> hash = jdbc.sql("select key_hash from api_keys where id = ? and brand_id = ?")
                .params(keyId, brandId)
                .query(String.class)
                .optional();
        hash.ifPresent(h -> jdbc.sql("update api_keys set revoked_at = coalesce(revoked_at, ?) where id = ?")
                .params(Sql.ts(now), keyId)
                .update());
        return hash;
    }
}
