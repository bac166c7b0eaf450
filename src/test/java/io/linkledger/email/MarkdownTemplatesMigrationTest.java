package io.linkledger.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V88 and V89 on a database with templates saved before Markdown (in a schema of its own, on
 * H2 or PostgreSQL as the suite runs): each is kept for every offer type, converted to Markdown
 * when nothing is lost, and kept as HTML and text otherwise.
 */
@SpringBootTest
class MarkdownTemplatesMigrationTest {

    private final String schema = "migration_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @Autowired
    private DataSource dataSource;

    private Flyway flyway(MigrationVersion target) {
        var config = Flyway.configure().dataSource(dataSource).schemas(schema).createSchemas(true)
                .locations("classpath:db/migration").javaMigrations(new MarkdownTemplatesMigration());
        return (target == null ? config : config.target(target)).load();
    }

    /** The last migration before V88, whichever it is. */
    private MigrationVersion beforeMarkdown() {
        MigrationVersion v88 = MigrationVersion.fromVersion("88");
        return Arrays.stream(flyway(null).info().all()).map(MigrationInfo::getVersion)
                .filter(version -> version.isNewerThan(MigrationVersion.fromVersion("0")) && v88.isNewerThan(version))
                .max(MigrationVersion::compareTo).orElseThrow();
    }

    @AfterEach
    void dropSchema() {
        JdbcClient.create(dataSource).sql("drop schema " + schema + " cascade").update();
    }

    @Test
    void oldTemplatesAreConvertedWhereNothingIsLostAndKeptOtherwise() {
        flyway(beforeMarkdown()).migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        UUID plain = UUID.randomUUID();
        UUID fancy = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (UUID brand : List.of(plain, fancy)) {
            jdbc.sql("insert into " + schema + ".brands (id, name, created_at) values (?, ?, ?)")
                    .params(brand, "Brand", now).update();
        }
        String insert = "insert into " + schema + ".email_templates (brand_id, kind, subject, body_html, body_text,"
                + " updated_at) values (?, ?, ?, ?, ?, ?)";
        jdbc.sql(insert).params(plain, "SALES_TRACKING_ITEMS", "Your {{offer.name}} code",
                LegacyConversionTest.OLD_DEFAULT_HTML, "Code {{promo_code}}", now).update();
        jdbc.sql(insert).params(fancy, "DASHBOARD_LINKS", "Dashboard",
                "<table><tr><td><a href=\"{{dashboard_link}}\">Open</a></td></tr></table>",
                "Open {{dashboard_link}}", now).update();

        flyway(null).migrate();

        List<Map<String, Object>> rows = jdbc.sql("select brand_id, kind, offer_type, subject, body_markdown,"
                + " legacy_html, legacy_text from " + schema + ".email_templates order by brand_id, offer_type")
                .query().listOfRows();
        assertThat(rows).hasSize(6);
        assertThat(rows).filteredOn(row -> row.get("brand_id").equals(plain)).allSatisfy(row -> {
            assertThat(row.get("subject")).isEqualTo("Your {{offer.name}} code");
            assertThat((String) row.get("body_markdown")).contains("Your promo code: **{{promo_code}}**",
                    "Thank you,\\\n{{brand.name}}");
            assertThat(row.get("legacy_html")).isNull();
            assertThat(row.get("legacy_text")).isNull();
        }).extracting(row -> row.get("offer_type")).containsExactlyInAnyOrder("LINK", "PROMO_CODE", "LINK_AND_CODE");
        assertThat(rows).filteredOn(row -> row.get("brand_id").equals(fancy)).hasSize(3).allSatisfy(row -> {
            assertThat(row.get("body_markdown")).isNull();
            assertThat((String) row.get("legacy_html")).startsWith("<table>");
            assertThat(row.get("legacy_text")).isEqualTo("Open {{dashboard_link}}");
        });
    }
}
