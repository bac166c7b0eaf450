package io.linkledger.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import io.linkledger.assignments.Assignments;
import io.linkledger.brands.BrandSettingsService;
import io.linkledger.conversions.ConversionStats;
import io.linkledger.members.Member;
import io.linkledger.members.Members;
import io.linkledger.offers.Offer;
import io.linkledger.offers.Offers;
import io.linkledger.shared.Money;
import io.linkledger.shared.Page;
import io.linkledger.shared.Validation;
import io.linkledger.tracking.ClickRollups;

/** Brand reports, read from click and conversion rollups, never from raw clicks or conversions. */
@Service
public class Reports {

    static final int DEFAULT_DAYS = 30;

    /** What the member table sorts by. */
    public enum MemberSort {
        NAME, CLICKS, UNIQUE_CLICKS, CONVERSIONS, SALES, COMMISSION, EPC
    }

    /** A report period: days of the brand's time zone, both inclusive. */
    public record Period(LocalDate from, LocalDate to) {

        Instant start(ZoneId zone) {
            return from.atStartOfDay(zone).toInstant();
        }

        Instant end(ZoneId zone) {
            return to.plusDays(1).atStartOfDay(zone).toInstant();
        }
    }

    private final Offers offers;
    private final Members members;
    private final Assignments assignments;
    private final ClickRollups clicks;
    private final ConversionStats conversions;
    private final Clock clock;
    private final BrandSettingsService brands;

    Reports(Offers offers, Members members, Assignments assignments, ClickRollups clicks, ConversionStats conversions,
            Clock clock, BrandSettingsService brands) {
        this.brands = brands;
        this.offers = offers;
        this.members = members;
        this.assignments = assignments;
        this.clicks = clicks;
        this.conversions = conversions;
        this.clock = clock;
    }

    /**
     * The period from {@code from} to {@code to}: dates in the brand's time zone, both inclusive (a
     * full ISO-8601 instant counts as its date there). Defaults: the last 30 days up to today there.
     */
    public Period period(UUID brandId, String from, String to) {
        Validation v = new Validation();
        ZoneId zone = brands.timeZone(brandId);
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate end = date(to, "to", zone, v);
        LocalDate start = date(from, "from", zone, v);
        v.throwIfInvalid();
        end = end == null ? today : end;
        start = start == null ? end.minusDays(DEFAULT_DAYS - 1) : start;
        v.check(!start.isAfter(end), "from", "must be on or before 'to' (" + end + ")");
        v.throwIfInvalid();
        return new Period(start, end);
    }

    /** Today in the brand's time zone: the day its reports end on by default. */
    public LocalDate today(UUID brandId) {
        return LocalDate.ofInstant(clock.instant(), brands.timeZone(brandId));
    }

    /** From the day of {@code start} to today, both in the brand's time zone. */
    public Period since(UUID brandId, Instant start) {
        return new Period(LocalDate.ofInstant(start, brands.timeZone(brandId)), today(brandId));
    }

    /** The offer's figures in the period, with every member's figures: the API's offer report. */
    public OfferReport offer(UUID brandId, UUID offerId, Period period) {
        Offer offer = offers.get(brandId, offerId);
        List<OfferReport.MemberFigures> memberFigures = memberRows(brandId, offer, period).stream()
                .map(r -> new OfferReport.MemberFigures(r.row.memberId(), r.row.clicks(), r.row.uniqueClicks(),
                        r.botClicks, r.row.conversions(), r.row.sales().toDecimalString(),
                        r.row.commission().toDecimalString(), r.row.epc()))
                .toList();
        return report(brandId, offer, period, memberFigures);
    }

    /**
     * The offer's totals and days in the period without the members (an empty list): what the
     * console's offer list and offer page show, read from the offer's daily rollups only.
     */
    public OfferReport offerSummary(UUID brandId, UUID offerId, Period period) {
        return report(brandId, offers.get(brandId, offerId), period, List.of());
    }

    private OfferReport report(UUID brandId, Offer offer, Period period, List<OfferReport.MemberFigures> members) {
        Money zero = Money.zero(offer.currency());
        List<ClickRollups.Day> clickDays = clicks.offerDays(offer.id(), period.from(), period.to());
        ZoneId zone = brands.timeZone(brandId);
        Map<LocalDate, ConversionStats.DayStats> conversionDays = conversions.offerDays(brandId, offer.id(),
                period.start(zone), period.end(zone)).stream()
                .collect(Collectors.toMap(ConversionStats.DayStats::day, Function.identity()));
        Map<LocalDate, OfferReport.DayFigures> days = new TreeMap<>();
        for (ClickRollups.Day d : clickDays) {
            ConversionStats.DayStats c = conversionDays.get(d.day());
            days.put(d.day(), day(d.day(), d.clicks(), d.uniqueClicks(), d.botClicks(), c, zero));
        }
        conversionDays.values().forEach(c -> days.putIfAbsent(c.day(), day(c.day(), 0, 0, 0, c, zero)));

        // The period's totals are its days' sums, for conversions as for clicks.
        long humanClicks = clickDays.stream().mapToLong(ClickRollups.Day::clicks).sum();
        long converted = conversionDays.values().stream().mapToLong(ConversionStats.DayStats::conversions).sum();
        Money sales = conversionDays.values().stream().map(ConversionStats.DayStats::sales).reduce(zero, Money::plus);
        Money commission = conversionDays.values().stream().map(ConversionStats.DayStats::commission)
                .reduce(zero, Money::plus);
        return new OfferReport(offer.id(), period.from(), period.to(), zone.getId(), offer.currency().getCurrencyCode(),
                humanClicks,
                clickDays.stream().mapToLong(ClickRollups.Day::uniqueClicks).sum(),
                clickDays.stream().mapToLong(ClickRollups.Day::botClicks).sum(), converted, sales.toDecimalString(),
                commission.toDecimalString(), Figures.rate(converted, humanClicks),
                Figures.perClick(commission, humanClicks), List.copyOf(days.values()), members);
    }

    /**
     * The offer's member table: every member assigned to the offer (with zeros when they had no
     * clicks or conversions in the period), sorted and paged. The figures of all members are small
     * records; only the first {@code offset + limit} of them in the chosen order are sorted, and
     * names are read for the page shown only (for all members only when sorting by name).
     */
    public Page<MemberRow> memberTable(UUID brandId, UUID offerId, Period period, MemberSort sort, boolean descending,
            int limit, int offset) {
        Offer offer = offers.get(brandId, offerId);
        List<MemberRow> rows = memberRows(brandId, offer, period).stream().map(r -> r.row).toList();
        if (sort == MemberSort.NAME) {
            rows = named(brandId, rows);
        }
        Comparator<MemberRow> order = switch (sort) {
            case NAME -> Comparator.comparing(MemberRow::name, String.CASE_INSENSITIVE_ORDER);
            case CLICKS -> Comparator.comparingLong(MemberRow::clicks);
            case UNIQUE_CLICKS -> Comparator.comparingLong(MemberRow::uniqueClicks);
            case CONVERSIONS -> Comparator.comparingLong(MemberRow::conversions);
            case SALES -> Comparator.comparingLong(r -> r.sales().minor());
            case COMMISSION -> Comparator.comparingLong(r -> r.commission().minor());
            case EPC -> Comparator.comparingDouble(r -> r.clicks() == 0 ? -1 : (double) r.commission().minor() / r.clicks());
        };
        // Ties in member id order, the same on every page.
        List<MemberRow> page = page(rows, (descending ? order.reversed() : order).thenComparing(MemberRow::memberId),
                offset, limit);
        return new Page<>(sort == MemberSort.NAME ? page : named(brandId, page), rows.size(), limit, offset);
    }

    /** The rows from {@code offset} to {@code offset + limit} in this order: the first ones kept in a heap, sorted. */
    private static List<MemberRow> page(List<MemberRow> rows, Comparator<MemberRow> order, int offset, int limit) {
        int keep = (int) Math.min(rows.size(), (long) offset + limit);
        PriorityQueue<MemberRow> first = new PriorityQueue<>(keep + 1, order.reversed());
        for (MemberRow row : rows) {
            first.add(row);
            if (first.size() > keep) {
                first.poll();
            }
        }
        List<MemberRow> sorted = new ArrayList<>(first);
        sorted.sort(order);
        return List.copyOf(sorted.subList(Math.min(offset, sorted.size()), sorted.size()));
    }

    private List<MemberRow> named(UUID brandId, List<MemberRow> rows) {
        Map<UUID, Member> names = names(brandId, rows.stream().map(MemberRow::memberId).toList());
        return rows.stream().map(r -> {
            Member m = names.get(r.memberId());
            return new MemberRow(r.memberId(), m == null ? "" : m.name(), m == null ? "" : m.email(), r.clicks(),
                    r.uniqueClicks(), r.conversions(), r.sales(), r.commission());
        }).collect(Collectors.toCollection(ArrayList::new));
    }

    private record Combined(MemberRow row, long botClicks) {
    }

    /**
     * Every member of the offer, in member id order, without names: the assigned ones, and any
     * other with clicks or conversions in the period.
     */
    private List<Combined> memberRows(UUID brandId, Offer offer, Period period) {
        Money zero = Money.zero(offer.currency());
        Map<UUID, ClickRollups.MemberCounts> clickCounts = clicks.offerMembers(offer.id(), period.from(), period.to())
                .stream().collect(Collectors.toMap(ClickRollups.MemberCounts::memberId, Function.identity()));
        ZoneId zone = brands.timeZone(brandId);
        Map<UUID, ConversionStats.MemberStats> converted = conversions.offerMembers(brandId, offer.id(),
                period.start(zone), period.end(zone)).stream()
                .collect(Collectors.toMap(ConversionStats.MemberStats::memberId, Function.identity()));
        Set<UUID> all = new HashSet<>(assignments.memberIds(brandId, offer.id()));
        all.addAll(clickCounts.keySet());
        all.addAll(converted.keySet());
        List<UUID> ids = new ArrayList<>(all);
        // The ids themselves sorted, before the rows are made: several times cheaper than sorting the rows.
        ids.sort(null);
        List<Combined> rows = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            ClickRollups.MemberCounts k = clickCounts.get(id);
            ConversionStats.MemberStats c = converted.get(id);
            rows.add(new Combined(new MemberRow(id, "", "", k == null ? 0 : k.clicks(), k == null ? 0 : k.uniqueClicks(),
                    c == null ? 0 : c.conversions(), c == null ? zero : c.sales(), c == null ? zero : c.commission()),
                    k == null ? 0 : k.botClicks()));
        }
        return rows;
    }

    /** One member's figures in one offer (by assignment) over the period, from the link's daily rollups. */
    public LinkFigures assignmentFigures(UUID assignmentId, Currency currency, Period period) {
        long clickCount = 0;
        long unique = 0;
        for (ClickRollups.Day day : clicks.linkDays(assignmentId, period.from(), period.to())) {
            clickCount += day.clicks();
            unique += day.uniqueClicks();
        }
        long converted = 0;
        Money sales = Money.zero(currency);
        Money commission = Money.zero(currency);
        for (ConversionStats.DayStats day : conversions.assignmentDays(assignmentId, period.from(), period.to(),
                currency)) {
            converted += day.conversions();
            sales = sales.plus(day.sales());
            commission = commission.plus(day.commission());
        }
        return new LinkFigures(clickCount, unique, converted, sales, commission);
    }

    private Map<UUID, Member> names(UUID brandId, List<UUID> ids) {
        Map<UUID, Member> byId = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            members.getAll(brandId, ids.subList(from, Math.min(ids.size(), from + 1000)))
                    .forEach(m -> byId.put(m.id(), m));
        }
        return byId;
    }

    private static OfferReport.DayFigures day(LocalDate date, long clicks, long unique, long bots,
            ConversionStats.DayStats c, Money zero) {
        return new OfferReport.DayFigures(date, clicks, unique, bots, c == null ? 0 : c.conversions(),
                (c == null ? zero : c.sales()).toDecimalString(), (c == null ? zero : c.commission()).toDecimalString());
    }

    private static LocalDate date(String value, String field, ZoneId zone, Validation v) {
        if (Validation.isBlank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException notADate) {
            try {
                return LocalDate.ofInstant(Instant.parse(value.trim()), zone);
            } catch (DateTimeParseException notAnInstant) {
                v.add(field, "'" + value + "' is not a date such as 2026-11-01 (in " + zone.getId() + ")");
                return null;
            }
        }
    }

    /**
     * Every row of the member table in member id order, handed over {@code chunk} rows at a time
     * with names looked up per chunk: an export reads the figures once, not once per page.
     */
    public void eachMemberRows(UUID brandId, UUID offerId, Period period, int chunk,
            java.util.function.Consumer<List<MemberRow>> sink) {
        Offer offer = offers.get(brandId, offerId);
        List<MemberRow> rows = memberRows(brandId, offer, period).stream().map(r -> r.row).toList();
        for (int from = 0; from < rows.size(); from += chunk) {
            sink.accept(List.copyOf(named(brandId, rows.subList(from, Math.min(rows.size(), from + chunk)))));
        }
    }
}
