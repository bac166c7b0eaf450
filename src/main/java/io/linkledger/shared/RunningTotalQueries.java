package io.linkledger.shared;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The three queries a rollup answers a period's figures per tracking link with ({@link RunningTotals}),
 * each complete SQL with named parameters.
 *
 * @param linkTotals each of the offer's links with its all-time totals (as the running totals of its
 *     last day, which they are), {@code first_day} and {@code last_day}; parameters: the offer's
 *     ({@link #between})
 * @param rowsOn the running totals of each of the offer's links with a row on {@code :day}
 * @param latestUpTo the running totals of the latest row on or before {@code :day} of each link in
 *     {@code :links} (assignment ids)
 * @param row reads a link and its running totals from a row of any of the three
 * @param assignmentId a link's tracking link id, for {@code :links}
 */
public record RunningTotalQueries<K, F extends RunningTotals.Figures<F>>(String linkTotals, String rowsOn,
        String latestUpTo, RowMapper<RunningTotals.Row<K, F>> row, Function<K, UUID> assignmentId) {

    /** Each of the offer's links' figures from {@code from} to {@code to}, both inclusive; links with none left out. */
    public Map<K, F> between(JdbcClient jdbc, Map<String, ?> offer, LocalDate from, LocalDate to) {
        List<RunningTotals.Link<K, F>> links = jdbc.sql(linkTotals).params(offer).query((rs, n) -> {
            RunningTotals.Row<K, F> total = row.mapRow(rs, n);
            return new RunningTotals.Link<>(total.key(), total.runningTotals(),
                    rs.getObject("first_day", LocalDate.class), rs.getObject("last_day", LocalDate.class));
        }).list();
        return RunningTotals.between(from, to, links,
                day -> jdbc.sql(rowsOn).params(offer).param("day", day).query(row).list(),
                (day, some) -> jdbc.sql(latestUpTo).param("day", day)
                        .param("links", some.stream().map(assignmentId).toList()).query(row).list());
    }
}
