package io.linkledger.assignments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.linkledger.brands.Brands;
import io.linkledger.shared.Tokens;
import io.linkledger.support.Api;
import io.linkledger.support.FreshDatabase;

/**
 * Links sent before tokens were sealed keep working: a database at V74 holds a clear token, then
 * V75 (a Java migration with the server key) seals it and drops the clear column. The rows are
 * written with V74's SQL, not through today's code, which expects today's schema.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext // its own database: close it, and its connections, after this class
class DashboardTokenSealingTest {

    private static final FreshDatabase DATABASE = FreshDatabase.create();

    @DynamicPropertySource
    static void databaseAtV74(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DATABASE::url);
        registry.add("spring.datasource.username", DATABASE::user);
        registry.add("spring.datasource.password", DATABASE::password);
        registry.add("spring.flyway.target", () -> "74");
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> 4);
    }

    @LocalServerPort
    private int port;

    @Autowired
    private Flyway flyway;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private Brands brands;

    @Test
    void clearTokensAreSealedAndTheirLinksStillOpenTheDashboard() {
        UUID brandId = UUID.randomUUID();
        UUID offerId = UUID.randomUUID();
        UUID memberId = UUID.randomUUID();
        String token = "oldClearToken" + UUID.randomUUID().toString().replace("-", "");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        // As the code before V75 wrote them.
        jdbc.sql("insert into brands (id, name, created_at) values (?, 'Old brand', ?)").params(brandId, now).update();
        jdbc.sql("""
                insert into offers (id, brand_id, name, type, conversion_type, currency, tracking_protocol,
                    destination_url, status, created_at, updated_at)
                values (?, ?, 'Old offer', 'LINK', 'SALE', 'USD', 'SERVER_POSTBACK_TRANSACTION_ID', 'https://shop.example/p', 'ACTIVE',
                    ?, ?)""")
                .params(offerId, brandId, now, now).update();
        jdbc.sql("""
                insert into offer_payouts (id, offer_id, name, type, percent, is_default, position)
                values (?, ?, 'Default', 'CPS', 10, true, 0)""")
                .params(UUID.randomUUID(), offerId).update();
        jdbc.sql("""
                insert into members (id, brand_id, name, email, email_key, created_at, updated_at)
                values (?, ?, 'Olly Old', 'olly@example.com', 'olly@example.com', ?, ?)""")
                .params(memberId, brandId, now, now).update();
        jdbc.sql("""
                insert into offer_members (id, brand_id, offer_id, member_id, link_code, dashboard_token, created_at,
                    updated_at, currency)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'USD')""")
                .params(UUID.randomUUID(), brandId, offerId, memberId, "old" + token.substring(13, 22), token, now, now)
                .update();

        Flyway.configure().configuration(flyway.getConfiguration()).target(MigrationVersion.LATEST).load().migrate();

        Map<String, Object> row = jdbc.sql(
                "select dashboard_token_hash, dashboard_token_sealed from offer_members where member_id = ?")
                .param(memberId).query().singleRow();
        assertThat(row.get("dashboard_token_hash")).isEqualTo(Tokens.sha256(token));
        assertThat((String) row.get("dashboard_token_sealed")).doesNotContain(token);
        assertThat(jdbc.sql("select count(*) from information_schema.columns where table_name = 'offer_members' "
                + "and column_name = 'dashboard_token' and table_schema = current_schema()").query(Long.class).single())
                .isZero();

        Api api = new Api("http://127.0.0.1:" + port, brands.createKey(brandId, "test").plainText());
        assertThat(api.withKey(null).get("/d/" + token + ".json").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/offers/" + offerId + "/members/" + memberId + "/dashboard-link").json()
                .get("dashboardLink").asString()).endsWith("/d/" + token);
    }
}
