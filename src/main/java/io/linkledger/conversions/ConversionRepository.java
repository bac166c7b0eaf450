package io.linkledger.conversions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.linkledger.conversions.Conversion.Amounts;
import io.linkledger.conversions.Conversion.Credit;
import io.linkledger.conversions.Conversion.Source;
import io.linkledger.conversions.Conversion.State;
import io.linkledger.offers.PayoutType;
import io.linkledger.shared.Money;
import io.linkledger.shared.Sql;

@Repository
class ConversionRepository {

    private static final String COLUMNS = """
            id, brand_id, offer_id, member_id, assignment_id, project_id, integration_id, idempotency_key, kind,
            attributed_by, transaction_id, promo_code, order_id, order_key, status, currency, sale_minor,
            commission_minor, network_commission_minor, payout_type, is_test, converted_at, created_at, updated_at,
            status_reason, payment_id, visitor_key""";

    private static final String INSERT = "insert into conversions (" + COLUMNS + """
            ) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    ConversionRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Inserts unless the idempotency key is taken; false means a twin exists (maybe just committed). */
    boolean insertIfNew(Conversion c) {
        return jdbc.sql(INSERT + " on conflict do nothing").params(values(c)).update() == 1;
    }

    /** Inserts new conversions in one batch; a taken idempotency key fails it (and the transaction). */
    void insertAll(List<Conversion> conversions) {
        batch.batchUpdate(INSERT, conversions.stream().map(c -> values(c).toArray()).toList());
    }

    private static List<Object> values(Conversion c) {
        Credit credit = c.credit();
        Source source = c.source();
        Amounts amounts = c.amounts();
        return Arrays.asList(c.id(), c.brandId(), credit.offerId(), credit.memberId(), credit.assignmentId(),
                credit.projectId(), source.integrationId(), source.idempotencyKey(), source.kind().name(),
                credit.by().name(), credit.transactionId(), credit.promoCode(), source.orderId(), source.orderKey(),
                c.state().status().name(), amounts.sale().currency().getCurrencyCode(), amounts.sale().minor(),
                amounts.commission().minor(), minorOrNull(amounts.networkCommission()),
                amounts.payoutType() == null ? null : amounts.payoutType().name(), source.test(),
                Sql.ts(source.convertedAt()), Sql.ts(c.state().createdAt()), Sql.ts(c.state().updatedAt()),
                c.state().reason(), c.state().paymentId(), credit.visitorKey());
    }

    private static Long minorOrNull(Money money) {
        return money == null ? null : money.minor();
    }

    void update(Conversion c) {
        jdbc.sql("""
                update conversions set status = ?, sale_minor = ?, commission_minor = ?, network_commission_minor = ?,
                    updated_at = ?, status_reason = ?, payment_id = ?
                where id = ?""")
                .params(c.state().status().name(), c.amounts().sale().minor(), c.amounts().commission().minor(),
                        minorOrNull(c.amounts().networkCommission()), Sql.ts(c.state().updatedAt()),
                        c.state().reason(), c.state().paymentId(), c.id())
                .update();
    }

    private static final String INSERT_CHANGE = """
            insert into conversion_changes (id, conversion_id, at, action, from_status, to_status, sale_minor,
                commission_minor, network_commission_minor, reason)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    void recordChange(UUID id, Conversion c, String action, ConversionStatus from, String reason, Instant at) {
        jdbc.sql(INSERT_CHANGE).params(change(id, c, action, from, reason, at)).update();
    }

    /** The CREATED history rows of new conversions, in one batch; {@code ids[i]} is the row of {@code created[i]}. */
    void recordCreations(List<UUID> ids, List<Conversion> created) {
        List<Object[]> rows = new ArrayList<>(created.size());
        for (int i = 0; i < created.size(); i++) {
            Conversion c = created.get(i);
            rows.add(change(ids.get(i), c, "CREATED", null, c.state().reason(), c.state().createdAt()));
        }
        batch.batchUpdate(INSERT_CHANGE, rows);
    }

    private static Object[] change(UUID id, Conversion c, String action, ConversionStatus from, String reason,
            Instant at) {
        return new Object[] {id, c.id(), Sql.ts(at), action, from == null ? null : from.name(),
            c.state().status().name(), c.amounts().sale().minor(), c.amounts().commission().minor(),
            minorOrNull(c.amounts().networkCommission()), reason == null ? null : truncate(reason)};
    }

    Optional<Conversion> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from conversions where id = ?").param(id).query(this::conversion).optional();
    }

    /** Locks the row for a change, so two changes to one conversion happen one after the other. */
    Optional<Conversion> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from conversions where id = ? for update").param(id)
                .query(this::conversion).optional();
    }

    Optional<Conversion> findByKey(UUID brandId, String idempotencyKey) {
        return jdbc.sql("select " + COLUMNS + " from conversions where brand_id = ? and idempotency_key = ?")
                .params(brandId, idempotencyKey)
                .query(this::conversion)
                .optional();
    }

    /** The brand's conversions holding any of these idempotency keys: one query for a batch. */
    List<Conversion> findByKeys(UUID brandId, Collection<String> idempotencyKeys) {
        if (idempotencyKeys.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from conversions where brand_id = :brand and idempotency_key in (:keys)")
                .param("brand", brandId)
                .param("keys", idempotencyKeys)
                .query(this::conversion)
                .list();
    }

    /**
     * The brand's live (not reversed) conversions crediting any of these order keys, locked in id
     * order: whoever credits an order next decides against them as they are, not as they were read.
     */
    List<Conversion> lockLiveForOrders(UUID brandId, Collection<String> orderKeys) {
        if (orderKeys.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + """
                 from conversions where brand_id = :brand and order_key in (:keys) and status <> 'REVERSED'
                order by id for update""")
                .param("brand", brandId)
                .param("keys", orderKeys)
                .query(this::conversion)
                .list();
    }

    List<Conversion> forOrder(UUID integrationId, String orderKey) {
        return jdbc.sql("select " + COLUMNS + " from conversions where integration_id = ? and order_key = ? order by created_at")
                .params(integrationId, orderKey)
                .query(this::conversion)
                .list();
    }

    List<Conversion> list(UUID brandId, UUID offerId, UUID memberId, ConversionStatus status, int limit, int offset) {
        return jdbc.sql("select " + COLUMNS + " from conversions " + FILTER
                        + " order by converted_at desc, id desc limit :limit offset :offset")
                .param("brand", brandId)
                .param("offer", offerId)
                .param("member", memberId)
                .param("status", status == null ? null : status.name())
                .param("limit", limit)
                .param("offset", offset)
                .query(this::conversion)
                .list();
    }

    long count(UUID brandId, UUID offerId, UUID memberId, ConversionStatus status) {
        return jdbc.sql("select count(*) from conversions " + FILTER)
                .param("brand", brandId)
                .param("offer", offerId)
                .param("member", memberId)
                .param("status", status == null ? null : status.name())
                .query(Long.class)
                .single();
    }

    private static final String FILTER = """
            where brand_id = :brand
              and (cast(:offer as uuid) is null or offer_id = :offer)
              and (cast(:member as uuid) is null or member_id = :member)
              and (cast(:status as varchar(10)) is null or status = :status)""";

    List<Change> changes(UUID conversionId) {
        return jdbc.sql("""
                select c.at, c.action, c.from_status, c.to_status, c.sale_minor, c.commission_minor,
                    c.network_commission_minor, c.reason
                from conversion_changes c where c.conversion_id = ? order by c.at, c.id""")
                .param(conversionId)
                .query((rs, row) -> new Change(Sql.instant(rs, "at"), rs.getString("action"),
                        rs.getString("from_status"), rs.getString("to_status"), rs.getLong("sale_minor"),
                        rs.getLong("commission_minor"), Sql.longOrNull(rs, "network_commission_minor"),
                        rs.getString("reason")))
                .list();
    }

    record Change(Instant at, String action, String fromStatus, String toStatus, long saleMinor, long commissionMinor,
            Long networkCommissionMinor, String reason) {
    }

    /** The member's approved conversions, oldest first, for marking a payment. */
    List<Conversion> approvedOldestFirst(UUID brandId, UUID memberId) {
        return jdbc.sql("select " + COLUMNS + """
                 from conversions where brand_id = ? and member_id = ? and status = 'APPROVED'
                order by converted_at, created_at, id for update""")
                .params(brandId, memberId)
                .query(this::conversion)
                .list();
    }

    /** The member's conversions paid in this payment, locked, for a payout that came back. */
    List<Conversion> paidIn(UUID brandId, UUID memberId, UUID paymentId) {
        return jdbc.sql("select " + COLUMNS + """
                 from conversions where brand_id = ? and member_id = ? and payment_id = ? and status = 'PAID'
                order by id for update""")
                .params(brandId, memberId, paymentId)
                .query(this::conversion)
                .list();
    }

    /** Ids and idempotency keys of an integration's conversions in [from, to], for reconciliation. */
    List<String[]> keysOfIntegration(UUID integrationId, Instant from, Instant to) {
        return jdbc.sql("select id, idempotency_key from conversions where integration_id = ? and converted_at >= ? and converted_at <= ? and is_test = false")
                .params(integrationId, Sql.ts(from), Sql.ts(to))
                .query((rs, row) -> new String[] {rs.getString("id"), rs.getString("idempotency_key")})
                .list();
    }

    /** Pending conversions of an offer converted before {@code cutoff}, for automatic approval. */
    List<UUID> pendingBefore(UUID offerId, Instant cutoff, int limit) {
        return jdbc.sql("""
                select id from conversions where offer_id = ? and status = 'PENDING' and converted_at <= ?
                order by converted_at limit ?""")
                .params(offerId, Sql.ts(cutoff), limit)
                .query(UUID.class)
                .list();
    }

    /**
     * The sales each point counts ({@link MonthToDate#counts} says which), by point: one query for
     * all. The points are numbered in a {@code values} list joined to the conversions.
     */
    Map<MonthToDate, Long> sales(List<MonthToDate> points) {
        Map<MonthToDate, Long> sales = new HashMap<>();
        if (points.isEmpty()) {
            return sales;
        }
        List<MonthToDate> numbered = List.copyOf(new LinkedHashSet<>(points));
        StringJoiner values = new StringJoiner(", ");
        List<Object> params = new ArrayList<>();
        for (int n = 0; n < numbered.size(); n++) {
            MonthToDate p = numbered.get(n);
            values.add("(" + n + ", cast(? as uuid), cast(? as uuid), cast(? as timestamp with time zone),"
                    + " cast(? as timestamp with time zone), cast(? as uuid))");
            params.addAll(Arrays.asList(p.offerId(), p.memberId(), Sql.ts(p.from()), Sql.ts(p.at()), p.except()));
        }
        jdbc.sql("""
                select p.n, coalesce(sum(c.sale_minor), 0) as sales
                from (values %s) as p (n, offer_id, member_id, from_at, to_at, except_id)
                left join conversions c on c.offer_id = p.offer_id and c.member_id = p.member_id
                    and c.converted_at >= p.from_at and c.converted_at <= p.to_at
                    and c.status not in ('REVERSED', 'HELD') and c.is_test = false
                    and (p.except_id is null or c.id <> p.except_id)
                group by p.n""".formatted(values))
                .params(params)
                .query((rs, row) -> Map.entry(numbered.get(rs.getInt("n")), rs.getLong("sales")))
                .list()
                .forEach(e -> sales.put(e.getKey(), e.getValue()));
        return sales;
    }

    private static String truncate(String text) {
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    private Conversion conversion(ResultSet rs, int row) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency").trim());
        Long network = Sql.longOrNull(rs, "network_commission_minor");
        String payoutType = rs.getString("payout_type");
        Credit credit = new Credit(Sql.uuid(rs, "offer_id"), Sql.uuid(rs, "member_id"), Sql.uuid(rs, "assignment_id"),
                Sql.uuid(rs, "project_id"), Conversion.AttributedBy.valueOf(rs.getString("attributed_by")),
                rs.getString("transaction_id"), rs.getString("promo_code"), rs.getString("visitor_key"));
        Source source = new Source(Sql.uuid(rs, "integration_id"), rs.getString("idempotency_key"),
                Conversion.Kind.valueOf(rs.getString("kind")), rs.getString("order_id"), rs.getBoolean("is_test"),
                Sql.instant(rs, "converted_at"));
        Amounts amounts = new Amounts(new Money(rs.getLong("sale_minor"), currency),
                new Money(rs.getLong("commission_minor"), currency), network == null ? null : new Money(network, currency),
                payoutType == null ? null : PayoutType.valueOf(payoutType));
        State state = new State(ConversionStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
                Sql.uuid(rs, "payment_id"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
        return new Conversion(Sql.uuid(rs, "id"), Sql.uuid(rs, "brand_id"), credit, source, amounts, state);
    }
}
