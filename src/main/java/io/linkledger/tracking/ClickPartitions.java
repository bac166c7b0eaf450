package io.linkledger.tracking;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.linkledger.shared.Sql;

/**
 * PostgreSQL's monthly partitions of {@code clicks} (see V106 in db/vendor/postgresql), named
 * {@code clicks_YYYY_MM} and holding that UTC month. A partition is made as a plain table and then
 * attached, which does not block the redirect's inserts the way {@code create table ... partition
 * of} would (that locks the whole of {@code clicks}); clicks that landed in the default partition
 * because their month had none are moved into it in the same transaction.
 */
class ClickPartitions {

    private static final Pattern NAME = Pattern.compile("clicks_(\\d{4})_(\\d{2})");
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyy_MM");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    ClickPartitions(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** The months that have a partition, oldest first. */
    List<YearMonth> months() {
        TreeSet<YearMonth> months = new TreeSet<>();
        jdbc.sql("""
                select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
                where i.inhparent = 'clicks'::regclass""")
                .query(String.class)
                .list()
                .forEach(name -> {
                    Matcher m = NAME.matcher(name);
                    if (m.matches()) {
                        months.add(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
                    }
                });
        return List.copyOf(months);
    }

    /** The months of the clicks waiting in the default partition. */
    List<YearMonth> monthsInDefault() {
        return jdbc.sql("select distinct to_char(clicked_at at time zone 'UTC', 'YYYY-MM') from clicks_default")
                .query(String.class)
                .list()
                .stream()
                .map(YearMonth::parse)
                .toList();
    }

    /** Creates the month's partition, moving into it the clicks of that month the default partition holds. */
    void create(YearMonth month) {
        String table = "clicks_" + month.format(SUFFIX);
        Instant from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        transactions.executeWithoutResult(status -> {
            // No click of the month may reach the default partition between the move and the attach.
            jdbc.sql("lock table clicks_default in exclusive mode").update();
            jdbc.sql("create table " + table + " (like clicks including defaults including constraints)").update();
            jdbc.sql("""
                    with moved as (delete from clicks_default where clicked_at >= ? and clicked_at < ? returning *)
                    insert into %s select * from moved""".formatted(table))
                    .params(Sql.ts(from), Sql.ts(to))
                    .update();
            jdbc.sql("alter table clicks attach partition " + table + " for values from ('" + from + "') to ('" + to
                    + "')").update();
        });
    }

    /** Drops the month's partition with its clicks. */
    void drop(YearMonth month) {
        jdbc.sql("drop table clicks_" + month.format(SUFFIX)).update();
    }

    /** Deletes the clicks before {@code cutoff} that wait in the default partition. */
    void deleteDefaultBefore(Instant cutoff) {
        jdbc.sql("delete from clicks_default where clicked_at < ?").param(Sql.ts(cutoff)).update();
    }
}
