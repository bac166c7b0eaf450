package io.linkledger.dashboard;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

/** The chart's selectable ranges: the last 7, 30 or 90 days (today included), or everything. */
enum ChartRange {
    DAYS_7("7", "7 days", 7), DAYS_30("30", "30 days", 30), DAYS_90("90", "90 days", 90), ALL("all", "All", 0);

    static final ChartRange DEFAULT = DAYS_30;

    private final String key;
    private final String label;
    private final int days;

    ChartRange(String key, String label, int days) {
        this.key = key;
        this.label = label;
        this.days = days;
    }

    static Optional<ChartRange> parse(String key) {
        if (key == null || key.isBlank()) {
            return Optional.of(DEFAULT);
        }
        return Arrays.stream(values()).filter(r -> r.key.equalsIgnoreCase(key.trim())).findFirst();
    }

    String key() {
        return key;
    }

    String label() {
        return label;
    }

    /** First day shown; {@code ALL} starts on the day the member joined the offer. */
    LocalDate from(LocalDate today, LocalDate joined) {
        if (this == ALL) {
            return joined.isAfter(today) ? today : joined;
        }
        return today.minusDays(days - 1L);
    }
}
