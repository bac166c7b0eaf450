package io.linkledger.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.linkledger.shared.Sql;
import io.linkledger.support.ApiTest;

/**
 * Raw clicks by month: on PostgreSQL each month's clicks live in that month's partition (those that
 * came before it existed are moved in) and retention drops whole months; on H2 retention deletes
 * the rows. The clicks here are from 2001, a time no other test uses.
 */
class ClickRetentionTest extends ApiTest {

    @Autowired
    private ClickRetention retention;

    @Autowired
    private JdbcTemplate template;

    @Autowired
    private TransactionTemplate transactions;

    private boolean postgres() {
        return Boolean.TRUE.equals(template.execute((ConnectionCallback<Boolean>) c ->
                c.getMetaData().getDatabaseProductName().equals("PostgreSQL")));
    }

    private String click(Instant at) {
        String transactionId = "retention" + UUID.randomUUID().toString().replace("-", "");
        jdbc.sql("""
                insert into clicks (transaction_id, clicked_at, brand_id, offer_id, member_id, assignment_id,
                    visitor_key, is_bot, is_unique)
                values (?, ?, ?, ?, ?, ?, 'visitor', false, true)""")
                .params(transactionId, Sql.ts(at), brand.id(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID())
                .update();
        return transactionId;
    }

    private String partitionOf(String transactionId) {
        return jdbc.sql("select tableoid::regclass::text from clicks where transaction_id = ?")
                .param(transactionId).query(String.class).single();
    }

    private boolean stored(String transactionId) {
        return count("select count(*) from clicks where transaction_id = ?", transactionId) == 1;
    }

    @Test
    void clicksLandInTheirMonthsPartitionAndRetentionDropsWholeMonths() {
        assumeTrue(postgres(), "only PostgreSQL partitions clicks");
        YearMonth current = YearMonth.now(ZoneOffset.UTC);
        String now = click(Instant.now());
        String march = click(Instant.parse("2001-03-31T23:59:59Z"));
        String april = click(Instant.parse("2001-04-01T00:00:00Z"));
        // Months without a partition wait in the default one, so no click is refused.
        assertThat(partitionOf(march)).isEqualTo("clicks_default");

        retention.prepareMonths(current);

        assertThat(partitionOf(now)).isEqualTo("clicks_" + current.toString().replace('-', '_'));
        assertThat(partitionOf(march)).isEqualTo("clicks_2001_03");
        assertThat(partitionOf(april)).isEqualTo("clicks_2001_04");
        assertThat(count("select count(*) from clicks_default where clicked_at < ?",
                Sql.ts(Instant.parse("2002-01-01T00:00:00Z")))).isZero();

        retention.deleteBefore(Instant.parse("2001-04-20T00:00:00Z"));

        assertThat(stored(march)).isFalse();
        assertThat(stored(april)).isTrue();
        assertThat(stored(now)).isTrue();
        assertThat(count("select count(*) from pg_class where relname = 'clicks_2001_03'")).isZero();
        retention.deleteBefore(Instant.parse("2001-05-01T00:00:00Z"));
        assertThat(stored(april)).isFalse();
    }

    @Test
    void onH2RetentionDeletesTheClicksBeforeTheCutoff() {
        assumeFalse(postgres(), "PostgreSQL drops whole months");
        String before = click(Instant.parse("2001-03-31T23:59:59Z"));
        String after = click(Instant.parse("2001-04-01T00:00:00Z"));

        retention.deleteBefore(Instant.parse("2001-04-01T00:00:00Z"));

        assertThat(stored(before)).isFalse();
        assertThat(stored(after)).isTrue();
        retention.deleteBefore(Instant.parse("2001-04-02T00:00:00Z"));
    }

    @Test
    void aRetentionShorterThanTheLongestAttributionWindowIsRefused() {
        assertThatThrownBy(() -> new ClickRetention(jdbc, template, transactions, Clock.systemUTC(), 364, 3, 1000))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least 365");
        assertThat(new ClickRetention(jdbc, template, transactions, Clock.systemUTC(), 365, 3, 1000)).isNotNull();
    }
}
