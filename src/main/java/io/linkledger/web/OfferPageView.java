package io.linkledger.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.linkledger.conversions.IntegrationSetup;
import io.linkledger.offers.Offer;
import io.linkledger.reporting.MemberRow;
import io.linkledger.reporting.OfferReport;
import io.linkledger.reporting.Reports;
import io.linkledger.shared.Money;
import io.linkledger.shared.Page;

/** Everything the offer page shows, already in words and links. */
public record OfferPageView(Offer offer, OfferPageRange range, OfferReport report, String chartJson,
        OfferPageTable table, List<IntegrationBox> integrations, List<MemberChoice> members) {

    /** One integration with its last inbound requests. */
    public record IntegrationBox(IntegrationSetup.Summary integration, List<IntegrationSetup.RecentRequest> recent) {
    }

    /** A member of the offer, for the test purchase. */
    public record MemberChoice(UUID id, String name) {
    }

    /** One day of the chart in words, for the table behind it that screen readers read. */
    public record ChartDay(String day, long clicks, long conversions, String sales) {
    }

    /** Every day of the range, as the chart draws it (days without activity are zeros). */
    public List<ChartDay> chartDays() {
        Map<LocalDate, OfferReport.DayFigures> byDay = new java.util.HashMap<>();
        report.days().forEach(d -> byDay.put(d.date(), d));
        List<ChartDay> days = new ArrayList<>();
        for (LocalDate day = report.from(); !day.isAfter(report.to()); day = day.plusDays(1)) {
            OfferReport.DayFigures d = byDay.get(day);
            days.add(new ChartDay(Times.date(day), d == null ? 0 : d.clicks(), d == null ? 0 : d.conversions(),
                    money(d == null ? "0" : d.sales())));
        }
        return days;
    }

    public String money(String decimal) {
        return money(decimal, offer.currency());
    }

    static String money(String decimal, Currency currency) {
        return Money.parse(decimal, currency).display();
    }

    /** Commission per click ({@link Epc}); a dash without clicks. */
    public String epc(String epc) {
        return Epc.display(epc, offer.currency(), "—");
    }

    public String rate(String rate) {
        return rate == null ? "—" : rate + "%";
    }

    public String base() {
        return "/offers/" + offer.id();
    }

    /** A time range with its choice marked, as the presets show it. */
    public record Preset(int days, String label, boolean current, String href) {
    }

    public List<Preset> presets() {
        return List.of(7, 30, 90).stream().map(d -> new Preset(d, d + " days",
                range.preset() != null && range.preset() == d, base() + "?range=" + d)).toList();
    }

    public String csvHref() {
        return base() + "/members.csv?from=" + range.period().from() + "&to=" + range.period().to();
    }

    /** The chosen range and, when it came from a preset, how many days; why the dates asked for were refused. */
    public record OfferPageRange(Reports.Period period, Integer preset, FormErrors errors) {

        String query() {
            return preset != null ? "range=" + preset : "from=" + period.from() + "&to=" + period.to();
        }

        public String label() {
            return Times.date(period.from()) + " to " + Times.date(period.to());
        }
    }

    /** Clicks, unique clicks, conversion rate and EPC mean nothing for an offer promoted with a code only. */
    public boolean hasClicks() {
        return offer.type().hasLink();
    }

    /**
     * The member table's page with its sort and paging links, and each member's links, code and
     * tier in the offer ({@code links}; a member with figures but no assignment has none).
     */
    public record OfferPageTable(String base, OfferPageRange range, Page<MemberRow> page, Reports.MemberSort sort,
            boolean descending, Currency currency, boolean hasClicks, Map<UUID, MemberLinksView> links) {

        static final int SIZE = 25;
        private static final List<Reports.MemberSort> ALL = List.of(Reports.MemberSort.NAME,
                Reports.MemberSort.CLICKS, Reports.MemberSort.UNIQUE_CLICKS, Reports.MemberSort.CONVERSIONS,
                Reports.MemberSort.SALES, Reports.MemberSort.COMMISSION, Reports.MemberSort.EPC);
        private static final List<Reports.MemberSort> WITHOUT_CLICKS = List.of(Reports.MemberSort.NAME,
                Reports.MemberSort.CONVERSIONS, Reports.MemberSort.SALES, Reports.MemberSort.COMMISSION);

        /** The columns the table sorts by, in order. */
        public List<Reports.MemberSort> columns() {
            return hasClicks ? ALL : WITHOUT_CLICKS;
        }

        public MemberLinksView linksOf(MemberRow row) {
            return links.get(row.memberId());
        }

        public int pageNumber() {
            return page.offset() / SIZE + 1;
        }

        public int pages() {
            return (int) Math.max(1, (page.total() + SIZE - 1) / SIZE);
        }

        String query(Reports.MemberSort by, boolean desc, int pageNumber) {
            return range.query() + "&sort=" + by.name().toLowerCase(Locale.ROOT) + "&dir=" + (desc ? "desc" : "asc")
                    + "&page=" + pageNumber;
        }

        /** The full page's address for this state: what the browser shows and bookmarks. */
        public String pageHref(Reports.MemberSort by, boolean desc, int pageNumber) {
            return base + "?" + query(by, desc, pageNumber) + "#members";
        }

        /** The table fragment htmx swaps in. */
        public String fragmentHref(Reports.MemberSort by, boolean desc, int pageNumber) {
            return base + "/members?" + query(by, desc, pageNumber);
        }

        public String pushHref(Reports.MemberSort by, boolean desc, int pageNumber) {
            return base + "?" + query(by, desc, pageNumber);
        }

        /** Clicking a column sorts by it, numbers highest first; clicking it again flips the order. */
        public boolean nextDescending(Reports.MemberSort by) {
            return by == sort ? !descending : by != Reports.MemberSort.NAME;
        }

        public String ariaSort(Reports.MemberSort by) {
            return by != sort ? null : descending ? "descending" : "ascending";
        }

        public String money(Money m) {
            return m.display();
        }

        public String epc(MemberRow row) {
            return Epc.display(row.epc(), currency, "—");
        }
    }

    /** The chart's data as JSON: only dates and numbers, so built by hand; no clicks for a code-only offer. */
    static String chartJson(OfferReport report, boolean withClicks) {
        Map<LocalDate, OfferReport.DayFigures> byDay = new java.util.HashMap<>();
        report.days().forEach(d -> byDay.put(d.date(), d));
        StringBuilder labels = new StringBuilder();
        StringBuilder clicks = new StringBuilder();
        StringBuilder conversions = new StringBuilder();
        StringBuilder sales = new StringBuilder();
        for (LocalDate day = report.from(); !day.isAfter(report.to()); day = day.plusDays(1)) {
            OfferReport.DayFigures d = byDay.get(day);
            String sep = labels.isEmpty() ? "" : ",";
            labels.append(sep).append('"').append(Times.date(day)).append('"');
            clicks.append(sep).append(d == null ? 0 : d.clicks());
            conversions.append(sep).append(d == null ? 0 : d.conversions());
            sales.append(sep).append(d == null ? "0" : new BigDecimal(d.sales()).toPlainString());
        }
        return "{\"currency\":\"" + report.currency() + "\",\"labels\":[" + labels + "],"
                + (withClicks ? "\"clicks\":[" + clicks + "]," : "")
                + "\"conversions\":[" + conversions + "],\"sales\":[" + sales + "]}";
    }

}
