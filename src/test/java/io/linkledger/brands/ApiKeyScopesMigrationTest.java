package io.linkledger.brands;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import io.linkledger.support.FreshDatabase;

/** Keys made before scopes existed could do everything; after the migration they are admin keys. */
class ApiKeyScopesMigrationTest {

    @Test
    void keysFromBeforeScopesBecomeAdminKeys() throws Exception {
        FreshDatabase database = FreshDatabase.create();
        migrate(database, "71");
        UUID brand = UUID.randomUUID();
        try (Connection connection = database.connect()) {
            connection.createStatement().execute("insert into brands (id, name, created_at) values ('" + brand
                    + "', 'Old brand', current_timestamp)");
            connection.createStatement().execute("""
                    insert into api_keys (id, brand_id, name, key_prefix, key_hash, created_at)
                    values ('%s', '%s', 'old key', 'llk_old', '%s', current_timestamp)"""
                    .formatted(UUID.randomUUID(), brand, "0".repeat(64)));
        }

        migrate(database, "72");

        try (Connection connection = database.connect();
                ResultSet scopes = connection.createStatement().executeQuery("select scopes from api_keys")) {
            assertThat(scopes.next()).isTrue();
            assertThat(ApiScope.parseStored(scopes.getString(1))).containsExactly(ApiScope.ADMIN);
        }
    }

    private static void migrate(FreshDatabase database, String target) {
        Flyway.configure().dataSource(database.url(), database.user(), database.password())
                .locations("classpath:db/migration").target(target).load().migrate();
    }
}
