package io.linkledger.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** The period arithmetic against plain sums of day figures, with the day rows in memory. */
class RunningTotalsTest {

    private record Count(long n) implements RunningTotals.Figures<Count> {

        @Override
        public Count minus(Count earlier) {
            return new Count(n - earlier.n);
        }

        @Override
        public boolean isEmpty() {
            return n == 0;
        }
    }

    private static LocalDate day(int november) {
        return LocalDate.of(2026, 11, november);
    }

    /** Links with their figures per day, kept as a rollup keeps them: running totals per day row. */
    private final Map<String, TreeMap<LocalDate, Long>> figures = new HashMap<>();
    private final List<LocalDate> rowsOnCalls = new ArrayList<>();
    private final List<List<String>> latestCalls = new ArrayList<>();

    private void add(String link, int november, long n) {
        figures.computeIfAbsent(link, k -> new TreeMap<>()).merge(day(november), n, Long::sum);
    }

    private long sum(String link, LocalDate from, LocalDate to) {
        return figures.get(link).subMap(from, true, to, true).values().stream().mapToLong(Long::longValue).sum();
    }

    private Count runningTotal(String link, LocalDate day) {
        return new Count(figures.get(link).headMap(day, true).values().stream().mapToLong(Long::longValue).sum());
    }

    private List<RunningTotals.Link<String, Count>> links() {
        return figures.entrySet().stream().map(e -> new RunningTotals.Link<>(e.getKey(),
                runningTotal(e.getKey(), e.getValue().lastKey()), e.getValue().firstKey(), e.getValue().lastKey()))
                .toList();
    }

    private List<RunningTotals.Keyed<String, Count>> rowsOn(LocalDate day) {
        rowsOnCalls.add(day);
        return figures.keySet().stream().filter(link -> figures.get(link).containsKey(day))
                .map(link -> new RunningTotals.Keyed<>(link, runningTotal(link, day))).toList();
    }

    private List<RunningTotals.Keyed<String, Count>> latestUpTo(LocalDate day, List<String> links) {
        latestCalls.add(List.copyOf(links));
        return links.stream().filter(link -> figures.get(link).floorKey(day) != null)
                .map(link -> new RunningTotals.Keyed<>(link, runningTotal(link, day))).toList();
    }

    private Map<String, Count> between(LocalDate from, LocalDate to) {
        Map<String, Count> figures = new HashMap<>();
        RunningTotals.between(from, to, links(), this::rowsOn, this::latestUpTo)
                .forEach(link -> assertThat(figures.put(link.key(), link.figures())).as("one per link").isNull());
        return figures;
    }

    @Test
    void everyPeriodEqualsTheSumOfItsDays() {
        add("a", 10, 5);
        add("a", 12, 3);
        add("a", 15, 4);
        add("b", 12, 7);
        add("c", 8, 1);
        add("c", 9, 0);
        add("c", 20, 2);
        for (LocalDate from = day(5); !from.isAfter(day(23)); from = from.plusDays(1)) {
            for (LocalDate to = from; !to.isAfter(day(23)); to = to.plusDays(1)) {
                Map<String, Count> expected = new HashMap<>();
                for (String link : figures.keySet()) {
                    long n = sum(link, from, to);
                    if (n != 0) {
                        expected.put(link, new Count(n));
                    }
                }
                assertThat(between(from, to)).as(from + " to " + to).isEqualTo(expected);
            }
        }
    }

    @Test
    void periodsAroundEveryLinksDaysReadTheTotalsOnly() {
        add("a", 10, 5);
        add("a", 12, 3);
        add("b", 11, 7);

        assertThat(between(day(1), day(30))).containsExactlyInAnyOrderEntriesOf(
                Map.of("a", new Count(8), "b", new Count(7)));
        assertThat(between(day(13), day(30))).isEmpty();
        assertThat(between(day(1), day(9))).isEmpty();

        assertThat(rowsOnCalls).isEmpty();
        assertThat(latestCalls).isEmpty();
    }

    @Test
    void aLinkWithoutARowOnAPeriodEndIsLookedUpAloneAtItsLatestRowBefore() {
        add("a", 10, 5);
        add("a", 14, 3);
        add("b", 11, 7);
        add("b", 12, 1);
        add("b", 14, 2);

        // The day before the period, 12, lies inside both links' days; only b has a row on it.
        assertThat(between(day(13), day(20))).containsExactlyInAnyOrderEntriesOf(
                Map.of("a", new Count(3), "b", new Count(2)));

        assertThat(rowsOnCalls).containsExactly(day(12));
        assertThat(latestCalls).containsExactly(List.of("a"));
    }

    @Test
    void manyLinksWithoutARowAreLookedUpInChunks() {
        for (int i = 0; i < RunningTotals.CHUNK * 2 + 1; i++) {
            add("link" + i, 10, 1);
            add("link" + i, 20, 1);
        }

        assertThat(between(day(15), day(30))).hasSize(RunningTotals.CHUNK * 2 + 1)
                .allSatisfy((link, count) -> assertThat(count).isEqualTo(new Count(1)));

        assertThat(latestCalls).extracting(List::size).containsExactly(RunningTotals.CHUNK, RunningTotals.CHUNK, 1);
    }

    @Test
    void aLinkInsideItsDaysWithoutAnyRowBeforeIsAnInconsistentRollup() {
        add("a", 10, 5);
        add("a", 14, 3);
        List<RunningTotals.Link<String, Count>> links = links();

        assertThatThrownBy(() -> RunningTotals.between(day(13), day(13), links, day -> List.of(),
                (day, keys) -> List.of())).isInstanceOf(IllegalStateException.class).hasMessageContaining("a");
    }
}
