package io.linkledger.shared;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The period arithmetic of the report rollups (docs/rollups.md), the same for clicks and
 * conversions. A rollup keeps, for each tracking link, a row for each day with activity whose
 * running totals count everything from the link's first day through that day, and a row of
 * all-time totals that knows the link's first and last day. A link's figures from {@code from} to
 * {@code to} are its running totals at the end of {@code to} minus those at the end of the day
 * before {@code from}, and its running totals at the end of a day are
 * <ul>
 * <li>nothing, before the link's first day;</li>
 * <li>its all-time totals, on or after its last day;</li>
 * <li>else those of its row that day or, on a day without one, of its latest row before it.</li>
 * </ul>
 * So a period costs at most two rows per link however long it is, and nothing but the totals when
 * neither end lies inside a link's days (the common "up to today" periods).
 */
public final class RunningTotals {

    /** The most links whose latest row is looked up in one query. */
    static final int CHUNK = 500;

    private RunningTotals() {
    }

    /** Figures that subtract: running totals at two days give the figures between them. */
    public interface Figures<F> {

        F minus(F earlier);

        /** Nothing happened: a link with no figures in a period is left out of it. */
        boolean isEmpty();
    }

    /** One link's all-time totals and the first and last day it has a day row for. */
    public record Link<K, F>(K key, F total, LocalDate firstDay, LocalDate lastDay) {
    }

    /** One link's running totals in one of its day rows. */
    public record Row<K, F>(K key, F runningTotals) {
    }

    /**
     * Each link's figures from {@code from} to {@code to}, both inclusive; links with none then are
     * left out. The day rows are read only for links with a period end inside their days:
     * {@code rowsOn} gives the running totals of every link with a row on a day, {@code latestUpTo}
     * those of the latest row on or before a day of the links it is given (at most {@link #CHUNK}).
     */
    public static <K, F extends Figures<F>> Map<K, F> between(LocalDate from, LocalDate to,
            Collection<Link<K, F>> links, Function<LocalDate, List<Row<K, F>>> rowsOn,
            BiFunction<LocalDate, List<K>, List<Row<K, F>>> latestUpTo) {
        Map<K, F> end = at(to, links, rowsOn, latestUpTo);
        Map<K, F> start = at(from.minusDays(1), links, rowsOn, latestUpTo);
        Map<K, F> figures = new HashMap<>();
        end.forEach((key, total) -> {
            F before = start.get(key);
            F inPeriod = before == null ? total : total.minus(before);
            if (!inPeriod.isEmpty()) {
                figures.put(key, inPeriod);
            }
        });
        return figures;
    }

    /** Each link's running totals at the end of {@code day}; links with nothing by then are left out. */
    static <K, F> Map<K, F> at(LocalDate day, Collection<Link<K, F>> links, Function<LocalDate, List<Row<K, F>>> rowsOn,
            BiFunction<LocalDate, List<K>, List<Row<K, F>>> latestUpTo) {
        Map<K, F> totals = new HashMap<>();
        List<K> inside = new ArrayList<>();
        for (Link<K, F> link : links) {
            if (!day.isBefore(link.lastDay())) {
                totals.put(link.key(), link.total());
            } else if (!day.isBefore(link.firstDay())) {
                inside.add(link.key());
            }
        }
        if (!inside.isEmpty()) {
            totals.putAll(fromDayRows(day, inside, rowsOn, latestUpTo));
        }
        return totals;
    }

    /** The running totals of these links at the end of {@code day}, which lies inside the days of each. */
    private static <K, F> Map<K, F> fromDayRows(LocalDate day, List<K> inside,
            Function<LocalDate, List<Row<K, F>>> rowsOn, BiFunction<LocalDate, List<K>, List<Row<K, F>>> latestUpTo) {
        Map<K, F> onDay = byKey(rowsOn.apply(day));
        Map<K, F> found = new HashMap<>();
        List<K> withoutRow = new ArrayList<>();
        for (K key : inside) {
            F row = onDay.get(key);
            if (row == null) {
                withoutRow.add(key);
            } else {
                found.put(key, row);
            }
        }
        for (int i = 0; i < withoutRow.size(); i += CHUNK) {
            List<K> chunk = withoutRow.subList(i, Math.min(withoutRow.size(), i + CHUNK));
            Map<K, F> latest = byKey(latestUpTo.apply(day, chunk));
            for (K key : chunk) {
                F row = latest.get(key);
                if (row == null) {
                    throw new IllegalStateException("No day row on or before " + day + " for link " + key
                            + ", whose days start on an earlier day: the rollup is inconsistent");
                }
                found.put(key, row);
            }
        }
        return found;
    }

    private static <K, F> Map<K, F> byKey(List<Row<K, F>> rows) {
        Map<K, F> byKey = new HashMap<>();
        rows.forEach(row -> byKey.put(row.key(), row.runningTotals()));
        return byKey;
    }
}
