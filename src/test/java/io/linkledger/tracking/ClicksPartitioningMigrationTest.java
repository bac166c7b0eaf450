package io.linkledger.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import io.linkledger.support.FreshDatabase;

/**
 * V106 on PostgreSQL turns the clicks table of an existing database into one partitioned by month:
 * every click stored before is kept (in the default partition, until the retention job moves it
 * into its month's), and the key is (transaction_id, clicked_at).
 */
class ClicksPartitioningMigrationTest {

    @Test
    void storedClicksSurviveThePartitioning() throws SQLException {
        FreshDatabase database = FreshDatabase.create();
        assumeTrue(database.url().startsWith("jdbc:postgresql:"), "only PostgreSQL partitions clicks");
        migrate(database, "105");
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(insert("old-click", "2001-03-15 12:00:00+00"));
            statement.execute(insert("new-click", "2026-11-26 08:00:00+00"));
        }

        migrate(database, "106");

        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            List<String> rows = new ArrayList<>();
            try (ResultSet clicks = statement.executeQuery(
                    "select transaction_id, tableoid::regclass::text from clicks order by clicked_at")) {
                while (clicks.next()) {
                    rows.add(clicks.getString(1) + " in " + clicks.getString(2));
                }
            }
            assertThat(rows).containsExactly("old-click in clicks_default", "new-click in clicks_default");
            try (ResultSet partitioned = statement.executeQuery(
                    "select count(*) from pg_partitioned_table where partrelid = 'clicks'::regclass")) {
                assertThat(partitioned.next() && partitioned.getInt(1) == 1).isTrue();
            }
            assertThatThrownBy(() -> statement.execute(insert("old-click", "2001-03-15 12:00:00+00")))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("duplicate key");
        }
    }

    private static String insert(String transactionId, String clickedAt) {
        return """
                insert into clicks (transaction_id, clicked_at, brand_id, offer_id, member_id, assignment_id,
                    visitor_key, is_bot, is_unique)
                values ('%s', '%s', '%s', '%s', '%s', '%s', 'visitor', false, true)"""
                .formatted(transactionId, clickedAt, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                        UUID.randomUUID());
    }

    private static void migrate(FreshDatabase database, String target) {
        Flyway.configure().dataSource(database.url(), database.user(), database.password())
                .locations("classpath:db/migration", "classpath:db/vendor/postgresql").target(target).load().migrate();
    }
}
