package io.linkledger.shared;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A Flyway Java migration that is a Spring bean (Spring Boot hands every {@link JavaMigration}
 * bean to Flyway), so it can use the application's services; the version and description are
 * given here rather than read from a {@code V<n>__name} class name.
 */
public abstract class BeanMigration implements JavaMigration {

    private final MigrationVersion version;
    private final String description;

    protected BeanMigration(String version, String description) {
        this.version = MigrationVersion.fromVersion(version);
        this.description = description;
    }

    @Override
    public final MigrationVersion getVersion() {
        return version;
    }

    @Override
    public final String getDescription() {
        return description;
    }

    /** Java migrations carry no checksum: their code, not a script, is the migration. */
    @Override
    public final Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }
}
