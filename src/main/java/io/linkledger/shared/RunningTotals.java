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

    /** A link's figures: the running totals of one of its day rows, or its figures in a period. */
    public record Keyed<K, F>(K key, F figures) {
    }

    /**
     * Each link's figures from {@code from} to {@code to}, both inclusive; links with none then are
     * left out. The day rows are read only for links with a period end inside their days:
     * {@code rowsOn} gives the running totals of every link with a row on a day, {@code latestUpTo}
     * those of the latest row on or before a day of the links it is given (at most {@link #CHUNK}).
     */
    public static <K, F extends Figures<F>> List<Keyed<K, F>> between(LocalDate from, LocalDate to,
            Collection<Link<K, F>> links, Function<LocalDate, List<Keyed<K, F>>> rowsOn,
            BiFunction<LocalDate, List<K>, List<Keyed<K, F>>> latestUpTo) {
        LocalDate before = from.minusDays(1);
        Map<K, F> endRows = dayRows(to, links, rowsOn, latestUpTo);
        Map<K, F> startRows = dayRows(before, links, rowsOn, latestUpTo);
        List<Keyed<K, F>> figures = new ArrayList<>();
        for (Link<K, F> link : links) {
            F end = at(to, link, endRows);
            if (end != null) {
                F start = at(before, link, startRows);
                F inPeriod = start == null ? end : end.minus(start);
                if (!inPeriod.isEmpty()) {
                    figures.add(new Keyed<>(link.key(), inPeriod));
                }
            }
        }
        return figures;
    }

    /** The link's running totals at the end of {@code day}: null (nothing) before its first day. */
    private static <K, F> F at(LocalDate day, Link<K, F> link, Map<K, F> dayRows) {
        if (day.isBefore(link.firstDay())) {
            return null;
        }
        return day.isBefore(link.lastDay()) ? dayRows.get(link.key()) : link.total();
    }

    /** The running totals at the end of {@code day} of the links whose days it lies inside, from their day rows. */
    private static <K, F> Map<K, F> dayRows(LocalDate day, Collection<Link<K, F>> links,
            Function<LocalDate, List<Keyed<K, F>>> rowsOn,
            BiFunction<LocalDate, List<K>, List<Keyed<K, F>>> latestUpTo) {
        List<K> inside = links.stream().filter(l -> !day.isBefore(l.firstDay()) && day.isBefore(l.lastDay()))
                .map(Link::key).toList();
        if (inside.isEmpty()) {
            return Map.of();
        }
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

    private static <K, F> Map<K, F> byKey(List<Keyed<K, F>> rows) {
        Map<K, F> byKey = new HashMap<>();
        rows.forEach(row -> byKey.put(row.key(), row.figures()));
        return byKey;
    }
}
