package io.linkledger.conversions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.linkledger.conversions.Integration.Credentials;
import io.linkledger.conversions.Integration.Crediting;
import io.linkledger.conversions.Integration.Reading;
import io.linkledger.shared.Sql;

@Repository
class IntegrationRepository {

    private static final String COLUMNS = """
            id, brand_id, type, name, key_hash, secret, signature, hash_algorithm, basic_user, basic_password_hash,
            parameter_map, time_zone, ip_allow_list, offer_id, order_topic, credit_priority, created_at, enabled,
            previous_key_hash, previous_key_expires_at, key_rotated_at""";

    private final JdbcClient jdbc;

    IntegrationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Integration i) {
        Credentials c = i.credentials();
        Reading r = i.reading();
        jdbc.sql("insert into integrations (" + COLUMNS
                + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(i.id(), i.brandId(), i.type().name(), i.name(), c.keyHash(), c.secret(), c.signature().name(),
                        c.hashAlgorithm(), c.basicUser(), c.basicPasswordHash(), mapText(r.parameterMap()),
                        r.timeZone().getId(), String.join(" ", c.ipAllowList()), i.crediting().offerId(), r.orderTopic(),
                        i.crediting().priority().name(), Sql.ts(i.createdAt()), i.access().enabled(),
                        i.access().previousKeyHash(), Sql.ts(i.access().previousKeyUntil()),
                        Sql.ts(i.access().keyRotatedAt()))
                .update();
    }

    void update(Integration i) {
        Credentials c = i.credentials();
        Reading r = i.reading();
        jdbc.sql("""
                update integrations set name = ?, secret = ?, signature = ?, hash_algorithm = ?, basic_user = ?,
                    basic_password_hash = ?, parameter_map = ?, time_zone = ?, ip_allow_list = ?, offer_id = ?,
                    order_topic = ?, credit_priority = ?, enabled = ?
                where id = ?""")
                .params(i.name(), c.secret(), c.signature().name(), c.hashAlgorithm(), c.basicUser(),
                        c.basicPasswordHash(), mapText(r.parameterMap()), r.timeZone().getId(),
                        String.join(" ", c.ipAllowList()), i.crediting().offerId(), r.orderTopic(),
                        i.crediting().priority().name(), i.access().enabled(), i.id())
                .update();
    }

    /**
     * A new key in place of {@code currentKeyHash}, which stays accepted until {@code previousKeyUntil}
     * (null hash: not at all). False when the key is no longer {@code currentKeyHash}: a concurrent rotation won.
     */
    boolean rotateKey(UUID id, String currentKeyHash, String newKeyHash, String previousKeyHash,
            Instant previousKeyUntil, Instant at) {
        return jdbc.sql("""
                update integrations set key_hash = ?, previous_key_hash = ?, previous_key_expires_at = ?,
                    key_rotated_at = ?
                where id = ? and key_hash = ?""")
                .params(newKeyHash, previousKeyHash, Sql.ts(previousKeyUntil), Sql.ts(at), id, currentKeyHash)
                .update() == 1;
    }

    /** The offers it feeds, in place of the ones it fed. */
    void replaceOffers(UUID id, Collection<UUID> offerIds) {
        jdbc.sql("delete from integration_offers where integration_id = ?").param(id).update();
        for (UUID offerId : offerIds) {
            jdbc.sql("insert into integration_offers (integration_id, offer_id) values (?, ?)")
                    .params(id, offerId)
                    .update();
        }
    }

    /** The offers each of a brand's integrations feeds, by integration. */
    Map<UUID, Set<UUID>> offersFed(UUID brandId) {
        Map<UUID, Set<UUID>> fed = new HashMap<>();
        jdbc.sql("""
                select f.integration_id, f.offer_id from integration_offers f
                join integrations i on i.id = f.integration_id
                where i.brand_id = ?""")
                .param(brandId)
                .query((rs, n) -> fed.computeIfAbsent(Sql.uuid(rs, "integration_id"), k -> new HashSet<>())
                        .add(Sql.uuid(rs, "offer_id")))
                .list();
        return fed;
    }

    /** The integration whose key, or whose replaced key (in its grace period or not), has this hash. */
    Optional<Integration> findByKeyHash(String keyHash) {
        return jdbc.sql("select " + COLUMNS + " from integrations where key_hash = ? or previous_key_hash = ?")
                .params(keyHash, keyHash)
                .query(this::integration)
                .optional();
    }

    Optional<Integration> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from integrations where id = ?")
                .param(id)
                .query(this::integration)
                .optional();
    }

    List<Integration> list(UUID brandId) {
        return jdbc.sql("select " + COLUMNS + " from integrations where brand_id = ? order by created_at, id")
                .param(brandId)
                .query(this::integration)
                .list();
    }

    private static String mapText(Map<String, String> map) {
        return map.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"));
    }

    private static Map<String, String> parseMap(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        if (text != null) {
            for (String line : text.split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    map.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        }
        return map;
    }

    private Integration integration(ResultSet rs, int row) throws SQLException {
        String ips = rs.getString("ip_allow_list");
        Credentials credentials = new Credentials(rs.getString("key_hash"), rs.getString("secret"),
                Integration.Signature.valueOf(rs.getString("signature")), rs.getString("hash_algorithm"),
                rs.getString("basic_user"), rs.getString("basic_password_hash"),
                ips == null || ips.isBlank() ? List.of() : Arrays.asList(ips.split(" ")));
        Reading reading = new Reading(parseMap(rs.getString("parameter_map")), ZoneId.of(rs.getString("time_zone")),
                rs.getString("order_topic"));
        Crediting crediting = new Crediting(Sql.uuid(rs, "offer_id"),
                Integration.CreditPriority.valueOf(rs.getString("credit_priority")));
        return new Integration(Sql.uuid(rs, "id"), Sql.uuid(rs, "brand_id"), IntegrationType.valueOf(rs.getString("type")),
                rs.getString("name"), credentials, reading, crediting, Sql.instant(rs, "created_at"),
                new Integration.Access(rs.getBoolean("enabled"), rs.getString("previous_key_hash"),
                        Sql.instant(rs, "previous_key_expires_at"), Sql.instant(rs, "key_rotated_at")));
    }
}
