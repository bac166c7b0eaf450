package io.linkledger.dashboard;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.linkledger.dashboard.PerformanceSource.DailyFigures;
import io.linkledger.shared.Money;
import tools.jackson.databind.json.JsonMapper;

/** The dashboard as the template shows it: every value already formatted for people. */
public record DashboardPage(String token, String brandName, String brandLogo, String timeZone, String offerName, String offerDescription,
        boolean offerLive, String firstName, String promoCode, String trackingLink, String commission,
        String rangeKey, String periodLabel, List<RangeLink> ranges, Stats stats,
        String chartJson, List<ChartRow> chartRows, List<ConversionRow> conversions, List<PaymentRow> payments) {

    public record RangeLink(String key, String label, boolean current) {
    }

    public record Stats(String clicks, String uniqueClicks, String conversions, String sales, String commission,
            String pending, String approved, String paid) {
    }

    /** One bar of the chart (a day, or a month for long ranges), for the table behind it that screen readers read. */
    public record ChartRow(String label, String conversions, String earnings) {
    }

    /** {@code status} is the badge's CSS class ({@code pending}), {@code label} what the member reads. */
    public record ConversionRow(String date, String amount, String commission, String status, String label) {
    }

    public record PaymentRow(String date, String amount, String status, String label) {
    }

    /** A creator's words for where their money is; anything else is the status in sentence case. */
    private static final Map<String, String> LABELS = Map.of(
            "awaiting_transfer", "On its way",
            "processing", "On its way",
            "unknown", "On its way",
            "completed", "Paid");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);
    /** Longer ranges are charted by month: a bar per day stops being readable. */
    static final int MAX_DAILY_BARS = 120;

    static DashboardPage of(Dashboard d, JsonMapper json) {
        List<RangeLink> ranges = Arrays.stream(ChartRange.values())
                .map(r -> new RangeLink(r.key(), r.label(), r == d.range()))
                .toList();
        String period = d.range() == ChartRange.ALL ? "Since " + DATE.format(d.from())
                : "Last " + d.range().label();
        Dashboard.Figures f = d.figures();
        Stats stats = new Stats(count(f.totals().clicks()), count(f.totals().uniqueClicks()),
                count(f.totals().conversions()), f.totals().sales().display(),
                f.totals().commission().display(), f.earnings().pending().display(),
                f.earnings().approved().display(), f.earnings().paid().display());
        List<ConversionRow> conversions = f.conversions().stream()
                .map(c -> new ConversionRow(DATE.format(c.date()), c.amount().display(),
                        c.commission().display(), css(c.status().name()), label(c.status().name())))
                .toList();
        List<PaymentRow> payments = f.payments().stream()
                .map(p -> new PaymentRow(DATE.format(p.date()), p.amount().display(), css(p.status()),
                        label(p.status())))
                .toList();
        return new DashboardPage(d.token(), d.brandName(), d.brandLogo(), d.timeZone(), d.offerName(), d.offerDescription(), d.offerLive(),
                d.memberFirstName(), d.promoCode(), d.trackingLink(), d.commission(), d.range().key(), period, ranges,
                stats, chartJson(f.daily(), d, json), chartRows(f.daily(), d), conversions, payments);
    }

    private static String css(String status) {
        return status.toLowerCase(Locale.ROOT);
    }

    private static String label(String status) {
        String words = status.toLowerCase(Locale.ROOT);
        return LABELS.getOrDefault(words, Character.toUpperCase(words.charAt(0)) + words.substring(1).replace('_', ' '));
    }

    /** Labels, conversions and earnings (decimal numbers) per day, or per month for long ranges. */
    private static String chartJson(List<DailyFigures> daily, Dashboard d, JsonMapper json) {
        boolean byMonth = byMonth(d);
        Map<String, long[]> buckets = buckets(daily, byMonth);
        List<Long> conversions = new ArrayList<>();
        List<Object> earnings = new ArrayList<>();
        buckets.values().forEach(sums -> {
            conversions.add(sums[0]);
            earnings.add(new Money(sums[1], d.currency()).toDecimal());
        });
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("labels", List.copyOf(buckets.keySet()));
        data.put("conversions", conversions);
        data.put("earnings", earnings);
        data.put("currency", d.currency().getCurrencyCode());
        data.put("byMonth", byMonth);
        return json.writeValueAsString(data);
    }

    /** The chart's bars in words: "3 Nov", "2 conversions", "$12.50". */
    private static List<ChartRow> chartRows(List<DailyFigures> daily, Dashboard d) {
        List<ChartRow> rows = new ArrayList<>();
        buckets(daily, byMonth(d)).forEach((label, sums) -> rows.add(new ChartRow(label, count(sums[0]),
                new Money(sums[1], d.currency()).display())));
        return rows;
    }

    private static boolean byMonth(Dashboard d) {
        return ChronoUnit.DAYS.between(d.from(), d.to()) + 1 > MAX_DAILY_BARS;
    }

    /** Conversions and commission (minor units) per chart label, in day order. */
    private static Map<String, long[]> buckets(List<DailyFigures> daily, boolean byMonth) {
        Map<String, long[]> buckets = new LinkedHashMap<>();
        for (DailyFigures day : daily) {
            String label = byMonth ? MONTH.format(day.day()) : DAY.format(day.day());
            long[] sums = buckets.computeIfAbsent(label, k -> new long[2]);
            sums[0] += day.conversions();
            sums[1] += day.commission().minor();
        }
        return buckets;
    }

    private static String count(long value) {
        return String.format(Locale.US, "%,d", value);
    }
}
