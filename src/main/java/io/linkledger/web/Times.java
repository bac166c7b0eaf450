package io.linkledger.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the console writes dates and times to people: "26 Nov 2026", "26 Nov 2026, 14:05",
 * "October 2026", never ISO strings. Times are in UTC, as every page's footer says; form
 * fields keep ISO values (that is what date inputs take).
 */
public final class Times {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private Times() {
    }

    /** A day: "26 Nov 2026"; "—" for none. */
    public static String date(LocalDate date) {
        return date == null ? "—" : DATE.format(date);
    }

    /** The UTC day of an instant: "26 Nov 2026"; "—" for none. */
    public static String date(Instant instant) {
        return instant == null ? "—" : DATE.format(LocalDate.ofInstant(instant, ZoneOffset.UTC));
    }

    /** An instant to the minute, in UTC: "26 Nov 2026, 14:05"; "—" for none. */
    public static String dateTime(Instant instant) {
        return instant == null ? "—" : DATE_TIME.format(instant);
    }

    /** A month: "October 2026". */
    public static String month(YearMonth month) {
        return month == null ? "—" : MONTH.format(month);
    }
}
