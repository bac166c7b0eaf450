package io.linkledger.brands;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

    /** The brand's settings as stored: currency and time zone null when never set. */
    Optional<BrandSettings> findSettings(UUID id) {
        return jdbc.sql("""
                select id, name, logo_type, logo, sender_name, sender_email, reply_to_email, website, default_currency,
                       time_zone, payout_method, minimum_payout, coalesce(updated_at, created_at) as updated_at
                from brands where id = ?""")
                .param(id)
                .query((rs, n) -> new BrandSettings(Sql.uuid(rs, "id"), rs.getString("name"),
                        rs.getString("logo_type") == null ? null : new Logo(rs.getString("logo_type"), rs.getBytes("logo")),
                        rs.getString("sender_name"), rs.getString("sender_email"), rs.getString("reply_to_email"),
                        rs.getString("website"),
                        rs.getString("default_currency") == null ? null : Currency.getInstance(rs.getString("default_currency")),
                        rs.getString("time_zone") == null ? null : ZoneId.of(rs.getString("time_zone")),
                        rs.getString("payout_method") == null ? null : PayoutMethod.valueOf(rs.getString("payout_method")),
                        rs.getBigDecimal("minimum_payout"), Sql.instant(rs, "updated_at")))
                .optional();
    }

    void updateSettings(BrandSettings s) {
        jdbc.sql("""
                update brands set name = ?, logo_type = ?, logo = ?, sender_name = ?, sender_email = ?, reply_to_email = ?,
                       website = ?, default_currency = ?, time_zone = ?, payout_method = ?, minimum_payout = ?, updated_at = ?
                where id = ?""")
                .params(s.name(), s.logo() == null ? null : s.logo().mediaType(), s.logo() == null ? null : s.logo().bytes(),
                        s.senderName(), s.senderEmail(), s.replyToEmail(), s.website(),
                        s.defaultCurrency() == null ? null : s.defaultCurrency().getCurrencyCode(),
                        s.timeZone() == null ? null : s.timeZone().getId(),
                        s.payoutMethod() == null ? null : s.payoutMethod().name(), s.minimumPayout(),
                        Sql.ts(s.updatedAt()), s.brandId())
                .update();
    }

    void insertKey(UUID id, UUID brandId, String name, String prefix, String hash, Set<ApiScope> scopes, Instant now) {
        jdbc.sql("""
                insert into api_keys (id, brand_id, name, key_prefix, key_hash, scopes, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, brandId, name, prefix, hash, ApiScope.format(scopes), Sql.ts(now))
                .update();
    }

    void touchKey(UUID id, Instant now) {
        jdbc.sql("update api_keys set last_used_at = ? where id = ?").params(Sql.ts(now), id).update();
    }

    record ActiveKey(UUID id, AuthenticatedKey key, Instant lastUsedAt) {
    }

    Optional<ActiveKey> findActiveKey(String hash) {
        return jdbc.sql("""
                select id, brand_id, name, key_prefix, scopes, last_used_at from api_keys
                where key_hash = ? and revoked_at is null""")
                .param(hash)
                .query((rs, n) -> new ActiveKey(Sql.uuid(rs, "id"), new AuthenticatedKey(Sql.uuid(rs, "id"),
                        rs.getString("name"), new BrandPrincipal(Sql.uuid(rs, "brand_id"), "api-key:" + rs.getString("key_prefix")),
                        ApiScope.parseStored(rs.getString("scopes"))), Sql.instant(rs, "last_used_at")))
                .optional();
    }

    Optional<Brand> oldest() {
        return jdbc.sql("select id, name, created_at from brands order by created_at, id limit 1")
                .query((rs, n) -> new Brand(Sql.uuid(rs, "id"), rs.getString("name"), Sql.instant(rs, "created_at")))
                .optional();
    }

    List<ApiKey> listKeys(UUID brandId) {
        return jdbc.sql("""
                select id, name, key_prefix, scopes, created_at, last_used_at, revoked_at from api_keys
                where brand_id = ? order by created_at desc, id""")
                .param(brandId)
                .query((rs, n) -> new ApiKey(Sql.uuid(rs, "id"), rs.getString("name"), rs.getString("key_prefix"),
                        ApiScope.parseStored(rs.getString("scopes")), Sql.instant(rs, "created_at"),
                        Sql.instant(rs, "last_used_at"), Sql.instant(rs, "revoked_at")))
                .list();
    }

    /** Revokes the brand's key; false if the brand has no such key. */
    boolean revokeKey(UUID brandId, UUID keyId, Instant now) {
        return jdbc.sql("update api_keys set revoked_at = coalesce(revoked_at, ?) where id = ? and brand_id = ?")
                .params(Sql.ts(now), keyId, brandId)
                .update() == 1;
    }
}
