package io.linkledger.conversions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.linkledger.shared.Money;
import io.linkledger.shared.RunningTotals;

/**
 * The daily conversion rollup ({@code conversion_daily}): what each live conversion adds to its
 * tracking link's UTC day. Written in the transaction that writes the conversion, by difference,
 * so a reversal or an amount change takes back exactly what the conversion had added.
 */
@Repository
class ConversionRollupRepository {

    private final JdbcClient jdbc;

    ConversionRollupRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What one conversion adds to its day: reversed and test conversions add nothing. */
    record Contribution(long live, long conversions, long sales, long commission, long pending, long approved,
            long paid) {

        static final Contribution NONE = new Contribution(0, 0, 0, 0, 0, 0, 0);

        static Contribution of(Conversion c) {
            if (c == null || c.source().test() || c.state().status() == ConversionStatus.REVERSED) {
                return NONE;
            }
            long commission = c.amounts().commission().minor();
            return new Contribution(1, c.source().kind() == Conversion.Kind.CPC ? 0 : 1, c.amounts().sale().minor(), commission,
                    c.state().status() == ConversionStatus.PENDING ? commission : 0,
                    c.state().status() == ConversionStatus.APPROVED ? commission : 0,
                    c.state().status() == ConversionStatus.PAID ? commission : 0);
        }

        Contribution plus(Contribution o) {
            return new Contribution(live + o.live, conversions + o.conversions, sales + o.sales, commission + o.commission,
                    pending + o.pending, approved + o.approved, paid + o.paid);
        }

        Contribution minus(Contribution o) {
            return new Contribution(live - o.live, conversions - o.conversions, sales - o.sales, commission - o.commission,
                    pending - o.pending, approved - o.approved, paid - o.paid);
        }
    }

    /** The day of a link's total row in {@code conversion_daily} (V41). */
    static final LocalDate TOTAL_DAY = LocalDate.of(9999, 12, 31);

    /** Rows per offer and day in {@code conversion_offer_daily}: concurrent writers spread over them. */
    static final int OFFER_SHARDS = 8;

    /**
     * Moves the rollups from what {@code before} added (null: a new conversion) to what {@code after}
     * adds: the link's day row, the running totals from that day on, its total row and the offer's
     * day. The link's total row is locked first, so changes of one link take turns (see V41).
     */
    void apply(Conversion before, Conversion after) {
        Contribution delta = Contribution.of(after).minus(Contribution.of(before));
        if (delta.equals(Contribution.NONE)) {
            return;
        }
        LocalDate day = LocalDate.ofInstant(after.source().convertedAt(), ZoneOffset.UTC);
        addToLink(after, day, delta);
        addToOffer(after, day, delta);
    }

    private record DayKey(UUID assignmentId, LocalDate day, String currency) {
    }

    /**
     * Adds new conversions (a batch of postbacks): the same as {@code apply(null, c)} for each, but
     * once per link and day with their sum, links in id order so concurrent batches cannot deadlock.
     */
    void applyAll(List<Conversion> created) {
        Map<DayKey, Contribution> deltas = new TreeMap<>(Comparator.comparing(DayKey::assignmentId)
                .thenComparing(DayKey::day).thenComparing(DayKey::currency));
        Map<DayKey, Conversion> samples = new HashMap<>();
        for (Conversion c : created) {
            Contribution delta = Contribution.of(c);
            if (!delta.equals(Contribution.NONE)) {
                DayKey key = new DayKey(c.credit().assignmentId(), LocalDate.ofInstant(c.source().convertedAt(), ZoneOffset.UTC),
                        c.amounts().commission().currency().getCurrencyCode());
                deltas.merge(key, delta, Contribution::plus);
                samples.putIfAbsent(key, c);
            }
        }
        // All links' rows first, then the offers' shared rows in one order: a transaction never holds
        // an offer row while it waits for a link (a single change locks its link, then its offer row).
        deltas.forEach((key, delta) -> addToLink(samples.get(key), key.day(), delta));
        List<DayKey> offerOrder = new ArrayList<>(deltas.keySet());
        offerOrder.sort(Comparator.comparing((DayKey k) -> samples.get(k).credit().offerId()).thenComparing(DayKey::day)
                .thenComparing(k -> shard(k.assignmentId())));
        offerOrder.forEach(key -> addToOffer(samples.get(key), key.day(), deltas.get(key)));
    }

    /** Adds to the day of the link of {@code after}: its day row, running totals and total row. */
    private void addToLink(Conversion after, LocalDate day, Contribution delta) {
        String currency = after.amounts().commission().currency().getCurrencyCode();
        LocalDate lastDay = lockLink(after, currency);
        if (!day.equals(lastDay)) {
            // A day the link may have no row for yet: create it, seeded with the running totals before it.
            jdbc.sql("""
                    insert into conversion_daily (assignment_id, conversion_day, currency, brand_id, offer_id, member_id,
                        run_live, run_conversions, run_sales_minor, run_commission_minor)
                    select ?, ?, ?, ?, ?, ?, coalesce(sum(p.run_live), 0), coalesce(sum(p.run_conversions), 0),
                        coalesce(sum(p.run_sales_minor), 0), coalesce(sum(p.run_commission_minor), 0)
                    from conversion_daily p
                    where p.assignment_id = ? and p.currency = ? and p.conversion_day = (
                        select max(q.conversion_day) from conversion_daily q
                        where q.assignment_id = ? and q.currency = ? and q.conversion_day < ?)
                    on conflict do nothing""")
                    .params(after.credit().assignmentId(), day, currency, after.brandId(), after.credit().offerId(), after.credit().memberId(),
                            after.credit().assignmentId(), currency, after.credit().assignmentId(), currency, day)
                    .update();
        }
        jdbc.sql("""
                update conversion_daily set
                    live = live + case when conversion_day = :day then :live else 0 end,
                    conversions = conversions + case when conversion_day = :day then :conversions else 0 end,
                    sales_minor = sales_minor + case when conversion_day = :day then :sales else 0 end,
                    commission_minor = commission_minor + case when conversion_day = :day then :commission else 0 end,
                    pending_commission_minor = pending_commission_minor
                        + case when conversion_day = :day then :pending else 0 end,
                    approved_commission_minor = approved_commission_minor
                        + case when conversion_day = :day then :approved else 0 end,
                    paid_commission_minor = paid_commission_minor + case when conversion_day = :day then :paid else 0 end,
                    run_live = run_live + :live, run_conversions = run_conversions + :conversions,
                    run_sales_minor = run_sales_minor + :sales, run_commission_minor = run_commission_minor + :commission,
                    first_day = case when conversion_day = :total and (first_day is null or first_day > :day) then :day
                        else first_day end,
                    last_day = case when conversion_day = :total and (last_day is null or last_day < :day) then :day
                        else last_day end
                where assignment_id = :link and currency = :currency and conversion_day >= :day""")
                .param("day", day)
                .param("live", delta.live())
                .param("conversions", delta.conversions())
                .param("sales", delta.sales())
                .param("commission", delta.commission())
                .param("pending", delta.pending())
                .param("approved", delta.approved())
                .param("paid", delta.paid())
                .param("total", TOTAL_DAY)
                .param("link", after.credit().assignmentId())
                .param("currency", currency)
                .update();
    }

    /** Locks the link's total row, creating it on the link's first conversion; answers its last day with a row. */
    private LocalDate lockLink(Conversion c, String currency) {
        String lock = """
                select last_day from conversion_daily
                where assignment_id = ? and currency = ? and conversion_day = ?
                for update""";
        List<Optional<LocalDate>> locked = jdbc.sql(lock).params(c.credit().assignmentId(), currency, TOTAL_DAY)
                .query((rs, row) -> Optional.ofNullable(rs.getObject("last_day", LocalDate.class))).list();
        if (locked.isEmpty()) {
            // "On conflict do nothing" waits for a concurrent first insert instead of failing.
            jdbc.sql("""
                    insert into conversion_daily (assignment_id, conversion_day, currency, brand_id, offer_id, member_id)
                    values (?, ?, ?, ?, ?, ?)
                    on conflict do nothing""")
                    .params(c.credit().assignmentId(), TOTAL_DAY, currency, c.brandId(), c.credit().offerId(), c.credit().memberId())
                    .update();
            locked = jdbc.sql(lock).params(c.credit().assignmentId(), currency, TOTAL_DAY)
                    .query((rs, row) -> Optional.ofNullable(rs.getObject("last_day", LocalDate.class))).list();
        }
        return locked.getFirst().orElse(null);
    }

    private static int shard(UUID assignmentId) {
        return Math.floorMod(assignmentId.hashCode(), OFFER_SHARDS);
    }

    private void addToOffer(Conversion c, LocalDate day, Contribution d) {
        int shard = shard(c.credit().assignmentId());
        String add = """
                update conversion_offer_daily set live = live + ?, conversions = conversions + ?,
                    sales_minor = sales_minor + ?, commission_minor = commission_minor + ?
                where offer_id = ? and conversion_day = ? and shard = ?""";
        if (jdbc.sql(add).params(d.live(), d.conversions(), d.sales(), d.commission(), c.credit().offerId(), day, shard)
                .update() == 1) {
            return;
        }
        jdbc.sql("""
                insert into conversion_offer_daily (offer_id, conversion_day, shard, brand_id) values (?, ?, ?, ?)
                on conflict do nothing""")
                .params(c.credit().offerId(), day, shard, c.brandId())
                .update();
        if (jdbc.sql(add).params(d.live(), d.conversions(), d.sales(), d.commission(), c.credit().offerId(), day, shard)
                .update() != 1) {
            throw new IllegalStateException("conversion_offer_daily row for " + c.credit().offerId() + " on " + day + " missing");
        }
    }

    private static final String SUMS = """
            coalesce(sum(conversions), 0) as n, coalesce(sum(sales_minor), 0) as sales,
            coalesce(sum(commission_minor), 0) as commission""";

    /** Sums over the offer's days in [from, to). */
    ConversionStats.OfferConversionStats offer(UUID brandId, UUID offerId, LocalDate from, LocalDate to,
            Currency currency) {
        return jdbc.sql("select " + SUMS + """
                 from conversion_offer_daily
                where offer_id = ? and brand_id = ? and conversion_day >= ? and conversion_day < ?""")
                .params(offerId, brandId, from, to)
                .query((rs, row) -> new ConversionStats.OfferConversionStats(rs.getLong("n"),
                        new Money(rs.getLong("sales"), currency), new Money(rs.getLong("commission"), currency)))
                .single();
    }

    /** The offer's days in [from, to) that have live conversions, oldest first. */
    List<ConversionStats.DayStats> offerDays(UUID brandId, UUID offerId, LocalDate from, LocalDate to,
            Currency currency) {
        return jdbc.sql("select conversion_day, " + SUMS + """
                 from conversion_offer_daily
                where offer_id = ? and brand_id = ? and conversion_day >= ? and conversion_day < ?
                group by conversion_day
                having sum(live) > 0
                order by conversion_day""")
                .params(offerId, brandId, from, to)
                .query((rs, row) -> new ConversionStats.DayStats(
                        Objects.requireNonNull(rs.getObject("conversion_day", LocalDate.class)), rs.getLong("n"),
                        new Money(rs.getLong("sales"), currency), new Money(rs.getLong("commission"), currency)))
                .list();
    }

    /** One link's days in [from, to) that have live conversions, oldest first. */
    List<ConversionStats.DayStats> linkDays(UUID assignmentId, LocalDate from, LocalDate to, Currency currency) {
        return jdbc.sql("select conversion_day, " + SUMS + """
                 from conversion_daily
                where assignment_id = ? and conversion_day >= ? and conversion_day < ? and conversion_day < ?
                group by conversion_day
                having sum(live) > 0
                order by conversion_day""")
                .params(assignmentId, from, to, TOTAL_DAY)
                .query((rs, row) -> new ConversionStats.DayStats(
                        Objects.requireNonNull(rs.getObject("conversion_day", LocalDate.class)), rs.getLong("n"),
                        new Money(rs.getLong("sales"), currency), new Money(rs.getLong("commission"), currency)))
                .list();
    }

    private static final RunningTotals TOTALS = new RunningTotals("conversion_day",
            List.of("run_live", "run_conversions", "run_sales_minor", "run_commission_minor"));

    private record LinkCurrency(UUID assignmentId, String currency) {
    }

    /**
     * The offer's members with live conversions in days [from, to): the difference of two running
     * totals per link, so the rows read do not grow with the period.
     */
    List<ConversionStats.MemberStats> offerMembers(UUID brandId, UUID offerId, LocalDate from, LocalDate to,
            Currency currency) {
        LocalDate last = to.minusDays(1);
        LocalDate before = from.minusDays(1);
        List<LocalDate> offerDays = jdbc.sql("""
                select min(conversion_day) as first_day, max(conversion_day) as last_day from conversion_offer_daily
                where offer_id = ? and brand_id = ?""")
                .params(offerId, brandId)
                .query((rs, row) -> Arrays.asList(rs.getObject("first_day", LocalDate.class),
                        rs.getObject("last_day", LocalDate.class)))
                .single();
        if (!RunningTotals.inside(last, offerDays) && !RunningTotals.inside(before, offerDays)) {
            // Both ends resolve for every link at once: the differences straight from the total rows.
            return jdbc.sql("select member_id, run_live, run_conversions, run_sales_minor, run_commission_minor from ("
                    + "select t.member_id, "
                    + TOTALS.differences(last, before, offerDays)
                    + " from conversion_daily t where t.offer_id = :offer and t.brand_id = :brand"
                    + " and t.conversion_day = :total) p where run_live > 0")
                    .param("offer", offerId)
                    .param("brand", brandId)
                    .param("total", TOTAL_DAY)
                    .query((rs, row) -> new ConversionStats.MemberStats(rs.getObject("member_id", UUID.class),
                            rs.getLong("run_conversions"), new Money(rs.getLong("run_sales_minor"), currency),
                            new Money(rs.getLong("run_commission_minor"), currency)))
                    .list();
        }
        StringBuilder sql = new StringBuilder("select t.assignment_id, t.currency, t.member_id");
        sql.append(TOTALS.ends(last, before, offerDays));
        sql.append(" from conversion_daily t");
        if (RunningTotals.inside(last, offerDays)) {
            sql.append(" left join conversion_daily e on e.offer_id = t.offer_id and e.conversion_day = :last"
                    + " and e.assignment_id = t.assignment_id and e.currency = t.currency");
        }
        if (RunningTotals.inside(before, offerDays)) {
            sql.append(" left join conversion_daily s on s.offer_id = t.offer_id and s.conversion_day = :before"
                    + " and s.assignment_id = t.assignment_id and s.currency = t.currency");
        }
        sql.append(" where t.offer_id = :offer and t.brand_id = :brand and t.conversion_day = :total");
        Map<LinkCurrency, RunningTotals.Ends> links = new HashMap<>();
        jdbc.sql(sql.toString())
                .param("offer", offerId)
                .param("brand", brandId)
                .param("last", last)
                .param("before", before)
                .param("total", TOTAL_DAY)
                .query(rs -> {
                    RunningTotals.Ends ends = new RunningTotals.Ends(rs.getObject("member_id", UUID.class));
                    ends.end = TOTALS.values(rs, "end_");
                    ends.start = TOTALS.values(rs, "start_");
                    links.put(new LinkCurrency(rs.getObject("assignment_id", UUID.class),
                            rs.getString("currency").trim()), ends);
                });
        latestUpTo(last, links.entrySet().stream().filter(e -> e.getValue().end == null).map(Map.Entry::getKey)
                .toList()).forEach((link, values) -> links.get(link).end = values);
        latestUpTo(before, links.entrySet().stream().filter(e -> e.getValue().start == null).map(Map.Entry::getKey)
                .toList()).forEach((link, values) -> links.get(link).start = values);
        List<ConversionStats.MemberStats> members = new ArrayList<>();
        for (RunningTotals.Ends ends : links.values()) {
            if (ends.end[0] - ends.start[0] > 0) {
                members.add(new ConversionStats.MemberStats(ends.memberId, ends.end[1] - ends.start[1],
                        new Money(ends.end[2] - ends.start[2], currency),
                        new Money(ends.end[3] - ends.start[3], currency)));
            }
        }
        return members;
    }

    /** Each link's running totals in its latest row up to {@code day}; each link must have one. */
    private Map<LinkCurrency, long[]> latestUpTo(LocalDate day, List<LinkCurrency> links) {
        Map<LinkCurrency, long[]> found = new HashMap<>();
        for (int from = 0; from < links.size(); from += 500) {
            List<UUID> ids = links.subList(from, Math.min(links.size(), from + 500)).stream()
                    .map(LinkCurrency::assignmentId).toList();
            jdbc.sql("""
                    select x.assignment_id, x.currency, x.run_live, x.run_conversions, x.run_sales_minor,
                        x.run_commission_minor
                    from (select t.assignment_id, t.currency, (select max(y.conversion_day) from conversion_daily y
                              where y.assignment_id = t.assignment_id and y.currency = t.currency
                                and y.conversion_day <= :day) as latest
                          from conversion_daily t where t.conversion_day = :total and t.assignment_id in (:links)) m
                    join conversion_daily x on x.assignment_id = m.assignment_id and x.currency = m.currency
                        and x.conversion_day = m.latest""")
                    .param("day", day)
                    .param("total", TOTAL_DAY)
                    .param("links", ids)
                    .query(rs -> {
                        found.put(new LinkCurrency(rs.getObject("assignment_id", UUID.class),
                                rs.getString("currency").trim()), TOTALS.values(rs, ""));
                    });
        }
        found.keySet().retainAll(links);
        if (found.size() != links.size()) {
            throw new IllegalStateException("conversion_daily has no row up to " + day + " for some links");
        }
        return found;
    }

    /** All-time commission of one tracking link per status (reversed is always zero). */
    Map<ConversionStatus, Money> commissionByStatus(UUID assignmentId, Currency currency) {
        Map<ConversionStatus, Money> totals = new EnumMap<>(ConversionStatus.class);
        jdbc.sql("""
                select coalesce(sum(pending_commission_minor), 0) as pending,
                    coalesce(sum(approved_commission_minor), 0) as approved,
                    coalesce(sum(paid_commission_minor), 0) as paid
                from conversion_daily where assignment_id = ?""")
                .param(assignmentId)
                .query(rs -> {
                    totals.put(ConversionStatus.PENDING, new Money(rs.getLong("pending"), currency));
                    totals.put(ConversionStatus.APPROVED, new Money(rs.getLong("approved"), currency));
                    totals.put(ConversionStatus.PAID, new Money(rs.getLong("paid"), currency));
                });
        totals.put(ConversionStatus.REVERSED, Money.zero(currency));
        return totals;
    }

    static boolean startOfDay(Instant instant) {
        return instant.equals(LocalDate.ofInstant(instant, ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
