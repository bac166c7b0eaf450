package io.linkledger.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Reading a period from a rollup with running totals per tracking link ({@code click_daily} and
 * {@code conversion_daily}, see V40 and V41): a link's figures from {@code from} to {@code to}
 * are its running totals at the end of {@code to} minus those at the end of the day before
 * {@code from}. The SQL pieces assume the link's total row as {@code t} and its day rows at the
 * period's two ends as {@code e} (end) and {@code s} (start).
 */
public final class RunningTotals {

    private final String dayColumn;
    private final List<String> columns;

    /** {@code columns}: the running total columns, in the order of the arrays this class hands out. */
    public RunningTotals(String dayColumn, List<String> columns) {
        this.dayColumn = dayColumn;
        this.columns = List.copyOf(columns);
    }

    /** Whether {@code day} lies in [the offer's first day, its last day), {@code offerDays} being those two. */
    public static boolean inside(LocalDate day, List<LocalDate> offerDays) {
        return offerDays.get(0) != null && !day.isBefore(offerDays.get(0)) && day.isBefore(offerDays.get(1));
    }

    /**
     * Link {@code t}'s running total of {@code column} at the end of {@code day} (parameter
     * {@code :at}), or null where the link's latest row up to that day must be looked up. The offer
     * has a row for every day one of its links has (both are written in one transaction), so a day
     * before the offer's first day is before every link's first day (nothing yet) and a day on or
     * after the offer's last day is on or after every link's last day (the link's total row). Only
     * a day inside the offer's days needs each link's own: nothing before its first day, its total
     * row from its last day on, else its row that day ({@code alias}, joined for all links at once
     * through the offer-and-day index) or, on a day without a row, the latest one before (null).
     */
    String at(String column, LocalDate day, String at, String alias, List<LocalDate> offerDays) {
        if (offerDays.get(0) == null || day.isBefore(offerDays.get(0))) {
            return "0";
        }
        if (!day.isBefore(offerDays.get(1))) {
            return "t." + column;
        }
        return """
                case when t.first_day > :%2$s then 0 when t.last_day <= :%2$s then t.%1$s
                    when %3$s.%4$s is not null then %3$s.%1$s end""".formatted(column, at, alias, dayColumn);
    }

    /**
     * {@code (end) - (start) as column} for every column, with the period's last day as {@code :last}
     * and the day before its first as {@code :before}: for when neither lies inside the offer's days,
     * so no day row is needed.
     */
    public String differences(LocalDate last, LocalDate before, List<LocalDate> offerDays) {
        return String.join(", ", columns.stream().map(c -> "(" + at(c, last, "last", "e", offerDays) + ") - ("
                + at(c, before, "before", "s", offerDays) + ") as " + c).toList());
    }

    /** {@code end_column} and {@code start_column} for every column, read by {@link #values} with those prefixes. */
    public String ends(LocalDate last, LocalDate before, List<LocalDate> offerDays) {
        StringBuilder sql = new StringBuilder();
        for (String column : columns) {
            sql.append(", ").append(at(column, last, "last", "e", offerDays)).append(" as end_").append(column)
                    .append(", ").append(at(column, before, "before", "s", offerDays)).append(" as start_")
                    .append(column);
        }
        return sql.toString();
    }

    /** The columns, each under {@code prefix}; null when the row did not have them. */
    public long[] values(ResultSet rs, String prefix) throws SQLException {
        long[] values = new long[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = rs.getLong(prefix + columns.get(i));
            if (rs.wasNull()) {
                return null;
            }
        }
        return values;
    }

    /** One link's running totals at the end of the period and of the day before it; null: not read yet. */
    public static final class Ends {
        public final UUID memberId;
        public long[] end;
        public long[] start;

        public Ends(UUID memberId) {
            this.memberId = memberId;
        }
    }
}
