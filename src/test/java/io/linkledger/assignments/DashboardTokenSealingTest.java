package io.linkledger.assignments;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.linkledger.brands.Brands;
import io.linkledger.shared.Tokens;
import io.linkledger.support.Api;
import io.linkledger.support.FreshDatabase;

/**
 * Links sent before tokens were sealed keep working: a database at V74 holds a clear token, then
 * the application starts and migrates it: V75 (a Java migration with the server key) seals the
 * token and drops the clear column. The old rows are written with V74's SQL before the application
 * starts, as an installation being upgraded has them; the application never runs on the old schema.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext // its own database: close it, and its connections, after this class
class DashboardTokenSealingTest {

    private static final UUID BRAND = UUID.randomUUID();
    private static final UUID OFFER = UUID.randomUUID();
    private static final UUID MEMBER = UUID.randomUUID();
    private static final String TOKEN = "oldClearToken" + UUID.randomUUID().toString().replace("-", "");
    private static final FreshDatabase DATABASE = atV74WithAClearToken();

    @DynamicPropertySource
    static void databaseFromV74(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DATABASE::url);
        registry.add("spring.datasource.username", DATABASE::user);
        registry.add("spring.datasource.password", DATABASE::password);
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> 4);
    }

    private static FreshDatabase atV74WithAClearToken() {
        FreshDatabase database = FreshDatabase.create();
        Flyway.configure().dataSource(database.url(), database.user(), database.password())
                .locations("classpath:db/migration").target("74").load().migrate();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection connection = database.connect()) {
            JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
            jdbc.sql("insert into brands (id, name, created_at) values (?, 'Old brand', ?)").params(BRAND, now).update();
            jdbc.sql("""
                    insert into users (id, brand_id, email, email_key, password_hash, role, created_at)
                    values (?, ?, 'admin@old.example', 'admin@old.example', 'not a hash', 'ADMIN', ?)""")
                    .params(UUID.randomUUID(), BRAND, now).update();
            jdbc.sql("""
                    insert into offers (id, brand_id, name, type, conversion_type, currency, tracking_protocol,
                        destination_url, status, created_at, updated_at)
                    values (?, ?, 'Old offer', 'LINK', 'SALE', 'USD', 'SERVER_POSTBACK_TRANSACTION_ID',
                        'https://shop.example/p', 'ACTIVE', ?, ?)""")
                    .params(OFFER, BRAND, now, now).update();
            jdbc.sql("""
                    insert into offer_payouts (id, offer_id, name, type, percent, is_default, position)
                    values (?, ?, 'Default', 'CPS', 10, true, 0)""")
                    .params(UUID.randomUUID(), OFFER).update();
            jdbc.sql("""
                    insert into members (id, brand_id, name, email, email_key, created_at, updated_at)
                    values (?, ?, 'Olly Old', 'olly@example.com', 'olly@example.com', ?, ?)""")
                    .params(MEMBER, BRAND, now, now).update();
            jdbc.sql("""
                    insert into offer_members (id, brand_id, offer_id, member_id, link_code, dashboard_token,
                        created_at, updated_at, currency)
                    values (?, ?, ?, ?, ?, ?, ?, ?, 'USD')""")
                    .params(UUID.randomUUID(), BRAND, OFFER, MEMBER, "old" + TOKEN.substring(13, 22), TOKEN, now, now)
                    .update();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return database;
    }

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private Brands brands;

    @Test
    void clearTokensAreSealedAndTheirLinksStillOpenTheDashboard() {
        Map<String, Object> row = jdbc.sql(
                "select dashboard_token_hash, dashboard_token_sealed from offer_members where member_id = ?")
                .param(MEMBER).query().singleRow();
        assertThat(row.get("dashboard_token_hash")).isEqualTo(Tokens.sha256(TOKEN));
        assertThat((String) row.get("dashboard_token_sealed")).doesNotContain(TOKEN);
        assertThat(jdbc.sql("select count(*) from information_schema.columns where table_name = 'offer_members' "
                + "and column_name = 'dashboard_token' and table_schema = current_schema()").query(Long.class).single())
                .isZero();

        Api api = new Api("http://127.0.0.1:" + port, brands.createKey(BRAND, "test").plainText());
        assertThat(api.withKey(null).get("/d/" + TOKEN + ".json").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/offers/" + OFFER + "/members/" + MEMBER + "/dashboard-link").json()
                .get("dashboardLink").asString()).endsWith("/d/" + TOKEN);
    }
}
