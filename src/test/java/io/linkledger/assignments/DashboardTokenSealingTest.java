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
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.linkledger.shared.Tokens;
import io.linkledger.support.ApiTest;
import io.linkledger.support.FreshDatabase;

/**
 * Links sent before tokens were sealed keep working: the application runs on a database at V74
 * holding a clear token, then V75 (a Java migration with the server key) seals it and drops the
 * clear column.
 */
@DirtiesContext // its own database: close it, and its connections, after this class
class DashboardTokenSealingTest extends ApiTest {

    private static final FreshDatabase DATABASE = FreshDatabase.create();

    @DynamicPropertySource
    static void databaseAtV74(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DATABASE::url);
        registry.add("spring.datasource.username", DATABASE::user);
        registry.add("spring.datasource.password", DATABASE::password);
        registry.add("spring.flyway.target", () -> "74");
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> 4);
    }

    @Autowired
    private Flyway flyway;

    @Test
    void clearTokensAreSealedAndTheirLinksStillOpenTheDashboard() {
        String offerId = createLinkOffer("Old offer").get("id").asString();
        String memberId = createMember("Olly Old", "olly." + UUID.randomUUID() + "@example.com").get("id").asString();
        String token = "oldClearToken" + UUID.randomUUID().toString().replace("-", "");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        // As the code before V74 wrote it.
        jdbc.sql("""
                insert into offer_members (id, brand_id, offer_id, member_id, link_code, dashboard_token, created_at,
                    updated_at, currency)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'USD')""")
                .params(UUID.randomUUID(), brand.id(), UUID.fromString(offerId), UUID.fromString(memberId),
                        "old" + token.substring(13, 22), token, now, now)
                .update();

        Flyway.configure().configuration(flyway.getConfiguration()).target(MigrationVersion.LATEST).load().migrate();

        Map<String, Object> row = jdbc.sql(
                "select dashboard_token_hash, dashboard_token_sealed from offer_members where member_id = ?")
                .param(UUID.fromString(memberId)).query().singleRow();
        assertThat(row.get("dashboard_token_hash")).isEqualTo(Tokens.sha256(token));
        assertThat((String) row.get("dashboard_token_sealed")).doesNotContain(token);
        assertThat(count("select count(*) from information_schema.columns where table_name = 'offer_members' "
                + "and column_name = 'dashboard_token' and table_schema = current_schema()")).isZero();

        assertThat(api.withKey(null).get("/d/" + token + ".json").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/offers/" + offerId + "/members/" + memberId + "/dashboard-link").json()
                .get("dashboardLink").asString()).endsWith("/d/" + token);
    }
}
