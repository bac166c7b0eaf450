package io.linkledger.webhooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.linkledger.shared.Sql;

@Repository
class EndpointRepository {

    private static final String COLUMNS = """
            id, brand_id, url, description, events, enabled, created_at, updated_at, secret_rotated_at, failing_since,
            disabled_at, disabled_reason""";

    private final JdbcClient jdbc;

    EndpointRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An endpoint and the secret it signs with (sealed), for the worker. */
    record Signing(Endpoint endpoint, String sealedSecret) {
    }

    void insert(Endpoint e, String sealedSecret) {
        jdbc.sql("""
                insert into webhook_endpoints (id, brand_id, url, description, events, enabled, secret_sealed, created_at,
                    updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(e.id(), e.brandId(), e.url(), e.description(), format(e.events()), e.enabled(), sealedSecret,
                        Sql.ts(e.createdAt()), Sql.ts(e.updatedAt()))
                .update();
    }

    /** Saves what a brand may change; enabling again forgets why it was disabled and how long it had failed. */
    void update(Endpoint e) {
        jdbc.sql("""
                update webhook_endpoints set url = ?, description = ?, events = ?, enabled = ?, updated_at = ?,
                    failing_since = ?, disabled_at = ?, disabled_reason = ?
                where id = ?""")
                .params(e.url(), e.description(), format(e.events()), e.enabled(), Sql.ts(e.updatedAt()),
                        Sql.ts(e.failingSince()), Sql.ts(e.disabledAt()), e.disabledReason(), e.id())
                .update();
    }

    void replaceSecret(UUID id, String sealedSecret, Instant at) {
        jdbc.sql("update webhook_endpoints set secret_sealed = ?, secret_rotated_at = ?, updated_at = ? where id = ?")
                .params(sealedSecret, Sql.ts(at), Sql.ts(at), id)
                .update();
    }

    void delete(UUID id) {
        jdbc.sql("delete from webhook_deliveries where endpoint_id = ?").param(id).update();
        jdbc.sql("delete from webhook_endpoints where id = ?").param(id).update();
    }

    Optional<Endpoint> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from webhook_endpoints where id = ?").param(id)
                .query(EndpointRepository::map).optional();
    }

    Optional<Signing> signing(UUID id) {
        return jdbc.sql("select " + COLUMNS + ", secret_sealed from webhook_endpoints where id = ?").param(id)
                .query((rs, n) -> new Signing(map(rs, n), rs.getString("secret_sealed"))).optional();
    }

    List<Endpoint> list(UUID brandId) {
        return jdbc.sql("select " + COLUMNS + " from webhook_endpoints where brand_id = ? order by created_at, id")
                .param(brandId).query(EndpointRepository::map).list();
    }

    /** The brand's enabled endpoints; the caller keeps those subscribed to an event. */
    List<Endpoint> enabled(UUID brandId) {
        return jdbc.sql("select " + COLUMNS + " from webhook_endpoints where brand_id = ? and enabled = true")
                .param(brandId).query(EndpointRepository::map).list();
    }

    /** A success: the endpoint is not failing any more. */
    void succeeded(UUID id) {
        jdbc.sql("update webhook_endpoints set failing_since = null where id = ? and failing_since is not null")
                .param(id).update();
    }

    /** A failure: the endpoint is failing since now, unless it already was; answers since when. */
    Instant failed(UUID id, Instant now) {
        jdbc.sql("update webhook_endpoints set failing_since = ? where id = ? and failing_since is null")
                .params(Sql.ts(now), id).update();
        return jdbc.sql("select failing_since from webhook_endpoints where id = ?").param(id)
                .query((rs, n) -> Sql.instant(rs, "failing_since")).optional().orElse(now);
    }

    /** Disables an enabled endpoint; false when it was disabled already (by another node, or by the brand). */
    boolean disable(UUID id, String reason, Instant now) {
        return jdbc.sql("""
                update webhook_endpoints set enabled = false, disabled_at = ?, disabled_reason = ?, updated_at = ?
                where id = ? and enabled = true""")
                .params(Sql.ts(now), reason, Sql.ts(now), id)
                .update() == 1;
    }

    private static String format(Set<WebhookEvent> events) {
        return events.stream().sorted().map(WebhookEvent::type).collect(Collectors.joining(" "));
    }

    private static Set<WebhookEvent> parse(String stored) {
        Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
        Arrays.stream(stored.trim().split("\\s+")).map(WebhookEvent::parse).flatMap(Optional::stream)
                .forEach(events::add);
        return events;
    }

    private static Endpoint map(ResultSet rs, int row) throws SQLException {
        return new Endpoint(Sql.uuid(rs, "id"), Sql.uuid(rs, "brand_id"), rs.getString("url"),
                rs.getString("description"), parse(rs.getString("events")), rs.getBoolean("enabled"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"), Sql.instant(rs, "secret_rotated_at"),
                Sql.instant(rs, "failing_since"), Sql.instant(rs, "disabled_at"), rs.getString("disabled_reason"));
    }
}
