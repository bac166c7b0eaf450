package io.linkledger.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V40 and V41 build the running totals, total rows and offer days from the daily rollups stored
 * before them; V65 moves the total rows into tables of their own, drops the offers' lock rows and
 * merges the conversion offer days' shards. Runs on its own database (H2), or in its own schema of
 * the PostgreSQL database the suite is pointed at.
 */
class RollupBackfillTest {

    private static final UUID BRAND = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    private static final UUID OFFER = UUID.fromString("00000000-0000-0000-0000-0000000000f1");
    private static final UUID LINK_A = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID LINK_B = UUID.fromString("00000000-0000-0000-0000-0000000000a2");
    private static final UUID MEMBER_A = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final UUID MEMBER_B = UUID.fromString("00000000-0000-0000-0000-0000000000c2");

    private static DriverManagerDataSource dataSource(String schema) {
        if (onPostgres()) {
            DriverManagerDataSource pg = new DriverManagerDataSource(System.getenv("SPRING_DATASOURCE_URL"), System.getenv("SPRING_DATASOURCE_USERNAME"),
                    System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", ""));
            pg.setSchema(schema);
            return pg;
        }
        return new DriverManagerDataSource("jdbc:h2:mem:" + schema
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
    }

    private static boolean onPostgres() {
        return System.getenv().getOrDefault("SPRING_DATASOURCE_URL", "").startsWith("jdbc:postgresql:");
    }

    private static void migrate(DriverManagerDataSource db, String schema, String target) {
        var flyway = Flyway.configure().dataSource(db).target(target);
        (onPostgres() ? flyway.schemas(schema) : flyway).load().migrate();
    }

    @Test
    void migrationsBuildRunningTotalsAndOfferDaysFromTheOldRollupsThenMoveTheTotalsOutOfTheDayTables() {
        String schema = "backfill_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        DriverManagerDataSource db = dataSource(schema);
        migrate(db, schema, "36");
        JdbcClient jdbc = JdbcClient.create(db);
        try {
            String click = """
                    insert into click_daily (assignment_id, click_day, brand_id, offer_id, member_id, clicks,
                        unique_clicks, bot_clicks) values (?, ?, ?, ?, ?, ?, ?, ?)""";
            jdbc.sql(click).params(LINK_A, day(10), BRAND, OFFER, MEMBER_A, 5, 2, 1).update();
            jdbc.sql(click).params(LINK_A, day(12), BRAND, OFFER, MEMBER_A, 3, 3, 0).update();
            jdbc.sql(click).params(LINK_A, day(15), BRAND, OFFER, MEMBER_A, 4, 1, 2).update();
            jdbc.sql(click).params(LINK_B, day(12), BRAND, OFFER, MEMBER_B, 7, 6, 0).update();
            String conversion = """
                    insert into conversion_daily (assignment_id, conversion_day, currency, brand_id, offer_id, member_id,
                        live, conversions, sales_minor, commission_minor, pending_commission_minor,
                        approved_commission_minor, paid_commission_minor) values (?, ?, 'USD', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
            jdbc.sql(conversion).params(LINK_A, day(11), BRAND, OFFER, MEMBER_A, 2, 2, 3000, 300, 100, 200, 0).update();
            jdbc.sql(conversion).params(LINK_A, day(12), BRAND, OFFER, MEMBER_A, 0, 0, 0, 0, 0, 0, 0).update();
            jdbc.sql(conversion).params(LINK_A, day(14), BRAND, OFFER, MEMBER_A, 1, 0, 0, 25, 25, 0, 0).update();
            jdbc.sql(conversion).params(LINK_B, day(14), BRAND, OFFER, MEMBER_B, 1, 1, 5000, 500, 0, 0, 500).update();

            migrate(db, schema, "52");

            assertThat(jdbc.sql("""
                    select assignment_id, click_day, clicks, run_clicks, run_unique_clicks, run_bot_clicks, first_day,
                        last_day
                    from click_daily order by assignment_id, click_day""").query(RollupBackfillTest::row).list())
                    .containsExactly(
                            LINK_A + " 2026-11-10 5 5 2 1 null null", LINK_A + " 2026-11-12 3 8 5 1 null null",
                            LINK_A + " 2026-11-15 4 12 6 3 null null",
                            LINK_A + " 9999-12-31 0 12 6 3 2026-11-10 2026-11-15",
                            LINK_B + " 2026-11-12 7 7 6 0 null null",
                            LINK_B + " 9999-12-31 0 7 6 0 2026-11-12 2026-11-12");
            assertThat(jdbc.sql("""
                    select offer_id, click_day, clicks, unique_clicks, bot_clicks from click_offer_daily
                    order by click_day""").query(RollupBackfillTest::row).list())
                    .containsExactly(OFFER + " 1900-01-01 0 0 0", OFFER + " 2026-11-10 5 2 1",
                            OFFER + " 2026-11-12 10 9 0", OFFER + " 2026-11-15 4 1 2");
            assertThat(jdbc.sql("""
                    select assignment_id, conversion_day, live, run_live, run_conversions, run_sales_minor,
                        run_commission_minor, pending_commission_minor, first_day, last_day
                    from conversion_daily order by assignment_id, conversion_day""")
                    .query(RollupBackfillTest::row).list())
                    .containsExactly(
                            LINK_A + " 2026-11-11 2 2 2 3000 300 100 null null",
                            LINK_A + " 2026-11-12 0 2 2 3000 300 0 null null",
                            LINK_A + " 2026-11-14 1 3 2 3000 325 25 null null",
                            LINK_A + " 9999-12-31 0 3 2 3000 325 0 2026-11-11 2026-11-14",
                            LINK_B + " 2026-11-14 1 1 1 5000 500 0 null null",
                            LINK_B + " 9999-12-31 0 1 1 5000 500 0 2026-11-14 2026-11-14");
            assertThat(jdbc.sql("""
                    select offer_id, conversion_day, sum(live), sum(conversions), sum(sales_minor), sum(commission_minor)
                    from conversion_offer_daily group by offer_id, conversion_day order by conversion_day""")
                    .query(RollupBackfillTest::row).list())
                    .containsExactly(OFFER + " 2026-11-11 2 2 3000 300", OFFER + " 2026-11-12 0 0 0 0",
                            OFFER + " 2026-11-14 2 1 5000 525");

            // As the conversion code before V65 wrote them: a day's figures spread over shards.
            jdbc.sql("""
                    update conversion_offer_daily set live = live - 1, commission_minor = commission_minor - 25
                    where conversion_day = ? and shard = 0""").param(day(14)).update();
            jdbc.sql("""
                    insert into conversion_offer_daily (offer_id, conversion_day, shard, brand_id, live, conversions,
                        sales_minor, commission_minor) values (?, ?, 3, ?, 1, 0, 0, 25)""")
                    .params(OFFER, day(14), BRAND).update();

            migrate(db, schema, "latest");

            assertThat(jdbc.sql("""
                    select assignment_id, click_day, clicks, run_clicks, run_unique_clicks, run_bot_clicks
                    from click_daily order by assignment_id, click_day""").query(RollupBackfillTest::row).list())
                    .containsExactly(LINK_A + " 2026-11-10 5 5 2 1", LINK_A + " 2026-11-12 3 8 5 1",
                            LINK_A + " 2026-11-15 4 12 6 3", LINK_B + " 2026-11-12 7 7 6 0");
            assertThat(jdbc.sql("""
                    select assignment_id, offer_id, member_id, clicks, unique_clicks, bot_clicks, first_day, last_day
                    from click_link_totals order by assignment_id""").query(RollupBackfillTest::row).list())
                    .containsExactly(LINK_A + " " + OFFER + " " + MEMBER_A + " 12 6 3 2026-11-10 2026-11-15",
                            LINK_B + " " + OFFER + " " + MEMBER_B + " 7 6 0 2026-11-12 2026-11-12");
            assertThat(jdbc.sql("select click_day from click_offer_daily order by click_day")
                    .query(RollupBackfillTest::row).list())
                    .containsExactly("2026-11-10", "2026-11-12", "2026-11-15");
            assertThat(jdbc.sql("""
                    select assignment_id, conversion_day, live, run_live, run_conversions, run_sales_minor,
                        run_commission_minor
                    from conversion_daily order by assignment_id, conversion_day""")
                    .query(RollupBackfillTest::row).list())
                    .containsExactly(LINK_A + " 2026-11-11 2 2 2 3000 300", LINK_A + " 2026-11-12 0 2 2 3000 300",
                            LINK_A + " 2026-11-14 1 3 2 3000 325", LINK_B + " 2026-11-14 1 1 1 5000 500");
            assertThat(jdbc.sql("""
                    select assignment_id, currency, live, conversions, sales_minor, commission_minor,
                        pending_commission_minor, approved_commission_minor, paid_commission_minor, first_day, last_day
                    from conversion_link_totals order by assignment_id""").query(RollupBackfillTest::row).list())
                    .containsExactly(LINK_A + " USD 3 2 3000 325 125 200 0 2026-11-11 2026-11-14",
                            LINK_B + " USD 1 1 5000 500 0 0 500 2026-11-14 2026-11-14");
            assertThat(jdbc.sql("""
                    select offer_id, conversion_day, live, conversions, sales_minor, commission_minor
                    from conversion_offer_daily order by conversion_day""").query(RollupBackfillTest::row).list())
                    .containsExactly(OFFER + " 2026-11-11 2 2 3000 300", OFFER + " 2026-11-12 0 0 0 0",
                            OFFER + " 2026-11-14 2 1 5000 525");
        } finally {
            if (onPostgres()) {
                jdbc.sql("drop schema " + schema + " cascade").update();
            } else {
                jdbc.sql("drop all objects").update();
            }
        }
    }

    private static LocalDate day(int november) {
        return LocalDate.of(2026, 11, november);
    }

    private static String row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        List<String> values = new java.util.ArrayList<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            Object value = rs.getObject(i);
            values.add(value instanceof Number number ? String.valueOf(number.longValue())
                    : value instanceof java.sql.Date date ? date.toLocalDate().toString() : String.valueOf(value));
        }
        return String.join(" ", values);
    }
}
