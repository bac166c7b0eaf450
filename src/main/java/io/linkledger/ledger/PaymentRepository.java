package io.linkledger.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.linkledger.shared.Money;
import io.linkledger.shared.Sql;

@Repository
class PaymentRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    PaymentRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    void insert(Payment p) {
        jdbc.sql("""
                insert into payments (id, brand_id, idempotency_key, request_hash, provider, status, currency,
                    total_minor, fee_minor, charged_minor, provider_batch_id, created_at, completed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(p.id(), p.brandId(), p.idempotencyKey(), p.requestHash(), p.provider().name(),
                        p.status().name(), p.currency().getCurrencyCode(), p.total().minor(), p.fee().minor(),
                        p.charged().minor(), p.providerBatchId(), Sql.ts(p.createdAt()), Sql.ts(p.completedAt()))
                .update();
        batch.batchUpdate("""
                insert into payment_items (id, payment_id, brand_id, member_id, currency, amount_minor, fee_minor,
                    status, receiver, provider_item_id, failure_reason, paid_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", p.items(), 500, (ps, i) -> {
            ps.setObject(1, i.id());
            ps.setObject(2, i.paymentId());
            ps.setObject(3, i.brandId());
            ps.setObject(4, i.memberId());
            ps.setString(5, i.currency().getCurrencyCode());
            ps.setLong(6, i.amount().minor());
            ps.setLong(7, i.fee().minor());
            ps.setString(8, i.status().name());
            ps.setString(9, i.receiver());
            ps.setString(10, i.providerItemId());
            ps.setString(11, i.failureReason());
            ps.setObject(12, Sql.ts(i.paidAt()));
        });
    }

    Optional<Payment> find(UUID brandId, UUID id) {
        return jdbc.sql("select * from payments where brand_id = ? and id = ?").params(brandId, id)
                .query(this::payment).optional().map(this::withItems);
    }

    Optional<Payment> findByKey(UUID brandId, String idempotencyKey) {
        return jdbc.sql("select * from payments where brand_id = ? and idempotency_key = ?")
                .params(brandId, idempotencyKey)
                .query(this::payment).optional().map(this::withItems);
    }

    List<Payment> list(UUID brandId, int limit, int offset) {
        List<Payment> payments = jdbc.sql("""
                select * from payments where brand_id = ? order by created_at desc, id desc limit ? offset ?""")
                .params(brandId, limit, offset)
                .query(this::payment).list();
        return payments.stream().map(this::withItems).toList();
    }

    long count(UUID brandId) {
        return jdbc.sql("select count(*) from payments where brand_id = ?").param(brandId).query(Long.class).single();
    }

    List<PaymentItem> itemsOfMember(UUID brandId, UUID memberId) {
        return jdbc.sql("select * from payment_items i where brand_id = ? and member_id = ? "
                        + "order by coalesce(paid_at, (select created_at from payments p where p.id = i.payment_id)) desc")
                .params(brandId, memberId)
                .query(this::item).list();
    }

    /** Payments still waiting for their provider, oldest first. */
    List<UUID[]> processing(PayoutProvider provider, int limit) {
        return jdbc.sql("select id, brand_id from payments where status = 'PROCESSING' and provider = ? "
                        + "order by created_at limit ?")
                .params(provider.name(), limit)
                .query((rs, row) -> new UUID[] {Sql.uuid(rs, "id"), Sql.uuid(rs, "brand_id")}).list();
    }

    void setBatchId(UUID paymentId, String batchId) {
        jdbc.sql("update payments set provider_batch_id = ? where id = ?").params(batchId, paymentId).update();
    }

    /** Moves an item out of PROCESSING once; false when another poll already did. */
    boolean finishItem(UUID itemId, PaymentItemStatus status, String providerItemId, String failureReason,
            Instant paidAt) {
        return jdbc.sql("""
                update payment_items set status = ?, provider_item_id = coalesce(?, provider_item_id),
                    failure_reason = ?, paid_at = ?
                where id = ? and status = 'PROCESSING'""")
                .params(status.name(), providerItemId, failureReason, Sql.ts(paidAt), itemId)
                .update() == 1;
    }

    void finishPayment(UUID paymentId, PaymentStatus status, Instant at) {
        jdbc.sql("update payments set status = ?, completed_at = ? where id = ? and status = 'PROCESSING'")
                .params(status.name(), Sql.ts(at), paymentId)
                .update();
    }

    /** Member id → [paid total, last paid at epoch millis] over PAID items. */
    Map<UUID, long[]> paidByMember(UUID brandId, Currency currency) {
        Map<UUID, long[]> paid = new HashMap<>();
        jdbc.sql("""
                select member_id, sum(amount_minor) as paid, max(paid_at) as last_paid from payment_items
                where brand_id = ? and currency = ? and status = 'PAID'
                group by member_id""")
                .params(brandId, currency.getCurrencyCode())
                .query(rs -> {
                    Instant last = Sql.instant(rs, "last_paid");
                    paid.put(Sql.uuid(rs, "member_id"),
                            new long[] {rs.getLong("paid"), last == null ? 0 : last.toEpochMilli()});
                });
        return paid;
    }

    /** Member id → paid in [from, to) (UTC days), for the yearly report. */
    Map<UUID, Long> paidBetween(UUID brandId, Currency currency, LocalDate from, LocalDate to) {
        Map<UUID, Long> paid = new LinkedHashMap<>();
        jdbc.sql("""
                select member_id, sum(amount_minor) as paid from payment_items
                where brand_id = ? and currency = ? and status = 'PAID' and paid_at >= ? and paid_at < ?
                group by member_id
                order by sum(amount_minor) desc""")
                .params(brandId, currency.getCurrencyCode(), Sql.ts(from.atStartOfDay().toInstant(ZoneOffset.UTC)),
                        Sql.ts(to.atStartOfDay().toInstant(ZoneOffset.UTC)))
                .query(rs -> {
                    paid.put(Sql.uuid(rs, "member_id"), rs.getLong("paid"));
                });
        return paid;
    }

    private Payment withItems(Payment p) {
        List<PaymentItem> items = new ArrayList<>(jdbc.sql("select * from payment_items where payment_id = ? "
                        + "order by id")
                .param(p.id()).query(this::item).list());
        return p.withItems(items);
    }

    private Payment payment(ResultSet rs, int row) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency").trim());
        return new Payment(Sql.uuid(rs, "id"), Sql.uuid(rs, "brand_id"), rs.getString("idempotency_key"),
                rs.getString("request_hash"), PayoutProvider.valueOf(rs.getString("provider")),
                PaymentStatus.valueOf(rs.getString("status")), new Money(rs.getLong("total_minor"), currency),
                new Money(rs.getLong("fee_minor"), currency), new Money(rs.getLong("charged_minor"), currency),
                rs.getString("provider_batch_id"), Sql.instant(rs, "created_at"), Sql.instant(rs, "completed_at"),
                List.of());
    }

    private PaymentItem item(ResultSet rs, int row) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency").trim());
        return new PaymentItem(Sql.uuid(rs, "id"), Sql.uuid(rs, "payment_id"), Sql.uuid(rs, "brand_id"),
                Sql.uuid(rs, "member_id"), new Money(rs.getLong("amount_minor"), currency),
                new Money(rs.getLong("fee_minor"), currency), PaymentItemStatus.valueOf(rs.getString("status")),
                rs.getString("receiver"), rs.getString("provider_item_id"), rs.getString("failure_reason"),
                Sql.instant(rs, "paid_at"));
    }
}
