package io.linkledger.conversions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.linkledger.shared.Money;

/**
 * The daily conversion rollup ({@code conversion_daily}): what each live conversion adds to its
 * tracking link's UTC day. Written in the transaction that writes the conversion, by difference,
 * so a reversal or an amount change takes back exactly what the conversion had added.
 */
@Repository
class ConversionRollupRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    ConversionRollupRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** What one conversion adds to its day: reversed and test conversions add nothing. */
    record Contribution(long live, long conversions, long sales, long commission, long pending, long approved,
            long paid) {

        static final Contribution NONE = new Contribution(0, 0, 0, 0, 0, 0, 0);

        static Contribution of(Conversion c) {
            if (c == null || c.test() || c.status() == ConversionStatus.REVERSED) {
                return NONE;
            }
            long commission = c.commission().minor();
            return new Contribution(1, c.kind() == Conversion.Kind.CPC ? 0 : 1, c.sale().minor(), commission,
                    c.status() == ConversionStatus.PENDING ? commission : 0,
                    c.status() == ConversionStatus.APPROVED ? commission : 0,
                    c.status() == ConversionStatus.PAID ? commission : 0);
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

    /** Moves the rollup from what {@code before} added (null: a new conversion) to what {@code after} adds. */
    void apply(Conversion before, Conversion after) {
        Contribution delta = Contribution.of(after).minus(Contribution.of(before));
        if (delta.equals(Contribution.NONE)) {
            return;
        }
        LocalDate day = LocalDate.ofInstant(after.convertedAt(), ZoneOffset.UTC);
        String currency = after.commission().currency().getCurrencyCode();
        if (add(after.assignmentId(), day, currency, delta) == 1) {
            return;
        }
        // First conversion of the link that day. "On conflict do nothing" waits for a concurrent
        // first insert instead of failing, and the update then adds to whichever row won.
        jdbc.sql("""
                insert into conversion_daily (assignment_id, conversion_day, currency, brand_id, offer_id, member_id)
                values (?, ?, ?, ?, ?, ?)
                on conflict do nothing""")
                .params(after.assignmentId(), day, currency, after.brandId(), after.offerId(), after.memberId())
                .update();
        if (add(after.assignmentId(), day, currency, delta) != 1) {
            throw new IllegalStateException("conversion_daily row for " + after.assignmentId() + " on " + day + " missing");
        }
    }

    private record DayKey(UUID assignmentId, LocalDate day, String currency) {
    }

    /**
     * Adds new conversions (a batch of postbacks) to their days: the same as {@code apply(null, c)}
     * for each, with one batched statement per kind for all. Rows are created first (a no-op when they
     * exist), then added to in key order, so concurrent batches cannot deadlock; call it last in the
     * transaction, as the row locks are held until the commit.
     */
    void applyAll(List<Conversion> created) {
        Map<DayKey, Contribution> deltas = new TreeMap<>(Comparator.comparing(DayKey::assignmentId)
                .thenComparing(DayKey::day).thenComparing(DayKey::currency));
        Map<DayKey, Conversion> samples = new HashMap<>();
        for (Conversion c : created) {
            Contribution delta = Contribution.of(c);
            if (!delta.equals(Contribution.NONE)) {
                DayKey key = new DayKey(c.assignmentId(), LocalDate.ofInstant(c.convertedAt(), ZoneOffset.UTC),
                        c.commission().currency().getCurrencyCode());
                deltas.merge(key, delta, Contribution::plus);
                samples.putIfAbsent(key, c);
            }
        }
        if (deltas.isEmpty()) {
            return;
        }
        List<DayKey> keys = List.copyOf(deltas.keySet());
        batch.batchUpdate("""
                insert into conversion_daily (assignment_id, conversion_day, currency, brand_id, offer_id, member_id)
                values (?, ?, ?, ?, ?, ?)
                on conflict do nothing""", keys.stream().map(k -> new Object[] {k.assignmentId(), k.day(),
                    k.currency(), samples.get(k).brandId(), samples.get(k).offerId(), samples.get(k).memberId()})
                .toList());
        batch.batchUpdate(ADD, keys.stream().map(k -> {
            Contribution d = deltas.get(k);
            return new Object[] {d.live(), d.conversions(), d.sales(), d.commission(), d.pending(), d.approved(),
                d.paid(), k.assignmentId(), k.day(), k.currency()};
        }).toList());
    }

    private static final String ADD = """
            update conversion_daily set live = live + ?, conversions = conversions + ?, sales_minor = sales_minor + ?,
                commission_minor = commission_minor + ?, pending_commission_minor = pending_commission_minor + ?,
                approved_commission_minor = approved_commission_minor + ?,
                paid_commission_minor = paid_commission_minor + ?
            where assignment_id = ? and conversion_day = ? and currency = ?""";

    private int add(UUID assignmentId, LocalDate day, String currency, Contribution d) {
        return jdbc.sql("""
                update conversion_daily set live = live + ?, conversions = conversions + ?, sales_minor = sales_minor + ?,
                    commission_minor = commission_minor + ?, pending_commission_minor = pending_commission_minor + ?,
                    approved_commission_minor = approved_commission_minor + ?,
                    paid_commission_minor = paid_commission_minor + ?
                where assignment_id = ? and conversion_day = ? and currency = ?""")
                .params(d.live(), d.conversions(), d.sales(), d.commission(), d.pending(), d.approved(), d.paid(), assignmentId,
                        day, currency)
                .update();
    }

    private static final String SUMS = """
            coalesce(sum(conversions), 0) as n, coalesce(sum(sales_minor), 0) as sales,
            coalesce(sum(commission_minor), 0) as commission""";

    /** Sums over the offer's days in [from, to). */
    ConversionStats.OfferConversionStats offer(UUID brandId, UUID offerId, LocalDate from, LocalDate to,
            Currency currency) {
        return jdbc.sql("select " + SUMS + """
                 from conversion_daily
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
                 from conversion_daily
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

    /** The offer's members with live conversions in days [from, to). */
    List<ConversionStats.MemberStats> offerMembers(UUID brandId, UUID offerId, LocalDate from, LocalDate to,
            Currency currency) {
        return jdbc.sql("select member_id, " + SUMS + """
                 from conversion_daily
                where offer_id = ? and brand_id = ? and conversion_day >= ? and conversion_day < ?
                group by member_id
                having sum(live) > 0""")
                .params(offerId, brandId, from, to)
                .query((rs, row) -> new ConversionStats.MemberStats(rs.getObject("member_id", UUID.class),
                        rs.getLong("n"), new Money(rs.getLong("sales"), currency),
                        new Money(rs.getLong("commission"), currency)))
                .list();
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
