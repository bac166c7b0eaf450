package io.linkledger.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * An empty database for migration tests, on whichever database the suite runs: a new in-memory
 * H2 in PostgreSQL mode, or a new schema in the PostgreSQL database named by
 * {@code SPRING_DATASOURCE_URL} (which the CI sets for the PostgreSQL run).
 */
public record FreshDatabase(String url, String user, String password) {

    public static FreshDatabase create() {
        String name = "fresh_" + UUID.randomUUID().toString().replace("-", "");
        String postgres = System.getenv("SPRING_DATASOURCE_URL");
        if (postgres == null || !postgres.startsWith("jdbc:postgresql:")) {
            return new FreshDatabase("jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        }
        String user = System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "postgres");
        String password = System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", "");
        try (Connection connection = DriverManager.getConnection(postgres, user, password)) {
            connection.createStatement().execute("create schema " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new FreshDatabase(postgres + (postgres.contains("?") ? "&" : "?") + "currentSchema=" + name, user,
                password);
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }
}
