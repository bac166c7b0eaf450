package io.linkledger.shared;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The three queries a rollup answers an offer's figures per member for a period with
 * ({@link RunningTotals}), each complete SQL with named parameters: the offer's ({@link #between})
 * and as said below. A member has one tracking link per offer, so the member keys it.
 *
 * @param linkTotals each of the offer's links with its all-time totals (as the running totals of its
 *     last day, which they are), {@code first_day} and {@code last_day}
 * @param rowsOn the running totals of each of the offer's links with a row on {@code :day}
 * @param latestUpTo the running totals of the latest row on or before {@code :day} of the offer's links
 *     of the members in {@code :members}
 * @param row reads a link's key and running totals from a row of any of the three
 * @param memberId the member of a link's key, for {@code :members}
 */
public record RunningTotalQueries<K, F extends RunningTotals.Figures<F>>(String linkTotals, String rowsOn,
        String latestUpTo, RowMapper<RunningTotals.Keyed<K, F>> row, Function<K, UUID> memberId) {

    /** Each of the offer's links' figures from {@code from} to {@code to}, both inclusive; links with none left out. */
    public List<RunningTotals.Keyed<K, F>> between(JdbcClient jdbc, Map<String, ?> offer, LocalDate from,
            LocalDate to) {
        List<RunningTotals.Link<K, F>> links = jdbc.sql(linkTotals).params(offer).query(rs -> {
            // Looked up once: a lookup by name per row costs as much as reading the dates.
            int firstDay = rs.findColumn("first_day");
            int lastDay = rs.findColumn("last_day");
            List<RunningTotals.Link<K, F>> all = new ArrayList<>();
            for (int n = 0; rs.next(); n++) {
                RunningTotals.Keyed<K, F> total = row.mapRow(rs, n);
                all.add(new RunningTotals.Link<>(total.key(), total.figures(), rs.getObject(firstDay, LocalDate.class),
                        rs.getObject(lastDay, LocalDate.class)));
            }
            return all;
        });
        return RunningTotals.between(from, to, links,
                day -> jdbc.sql(rowsOn).params(offer).param("day", day).query(row).list(),
                (day, some) -> jdbc.sql(latestUpTo).params(offer).param("day", day)
                        .param("members", some.stream().map(memberId).distinct().toList()).query(row).list());
    }
}
