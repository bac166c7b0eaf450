package io.linkledger.assignments;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

import io.linkledger.security.SecretBox;
import io.linkledger.shared.BeanMigration;
import io.linkledger.shared.Tokens;

/**
 * Flyway V75: dashboard tokens issued before V74 were stored in clear. Each gets its SHA-256
 * (so the link already sent keeps opening the dashboard) and its sealed copy (so the brand can
 * still copy the link), then the clear column goes. A Spring bean, so it seals with the server key.
 */
@Component
class DashboardTokenSealing extends BeanMigration {

    private static final int BATCH = 1000;

    private final SecretBox secrets;

    DashboardTokenSealing(SecretBox secrets) {
        super("75", "seal dashboard tokens");
        this.secrets = secrets;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (PreparedStatement select = connection.prepareStatement(
                "select id, dashboard_token from offer_members where dashboard_token is not null");
                PreparedStatement update = connection.prepareStatement("""
                        update offer_members set dashboard_token_hash = ?, dashboard_token_sealed = ?
                        where id = ?""")) {
            select.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String token = rows.getString("dashboard_token");
                    update.setString(1, Tokens.sha256(token));
                    update.setString(2, secrets.seal(token));
                    update.setObject(3, rows.getObject("id"));
                    update.addBatch();
                    if (++pending == BATCH) {
                        update.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                update.executeBatch();
            }
        }
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("alter table offer_members drop constraint offer_members_dashboard_token_unique");
            ddl.execute("alter table offer_members drop column dashboard_token");
        }
    }
}
