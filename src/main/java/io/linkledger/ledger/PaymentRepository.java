package io.linkledger.ledger;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
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
                    total_minor, fee_minor, charged_minor, provider_batch_id, created_at, completed_at, submission,
                    next_check_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(p.id(), p.brandId(), p.idempotencyKey(), p.requestHash(), p.provider().name(),
                        p.status().name(), p.currency().getCurrencyCode(), p.total().minor(), p.fee().minor(),
                        p.charged().minor(), p.providerBatchId(), Sql.ts(p.createdAt()), Sql.ts(p.completedAt()),
                        p.submission().name(), Sql.ts(p.nextCheckAt()))
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

    /** For a provider's webhook, which names our payment but not its brand. */
    Optional<Payment> findById(UUID id) {
        return jdbc.sql("select * from payments where id = ?").param(id)
                .query(this::payment).optional().map(this::withItems);
    }

    /** Locks the payment row for this transaction: one decision about a payment at a time. */
    Optional<Payment> lock(UUID brandId, UUID id) {
        return jdbc.sql("select * from payments where brand_id = ? and id = ? for update").params(brandId, id)
                .query(this::payment).optional().map(this::withItems);
    }

    Optional<Payment> findByKey(UUID brandId, String idempotencyKey) {
        return jdbc.sql("select * from payments where brand_id = ? and idempotency_key = ?")
                .params(brandId, idempotencyKey)
                .query(this::payment).optional().map(this::withItems);
    }

    Optional<PaymentItem> findItem(UUID itemId) {
        return jdbc.sql("select * from payment_items where id = ?").param(itemId).query(this::item).optional();
    }

    Optional<PaymentItem> findItemByProviderId(String providerItemId) {
        return jdbc.sql("select * from payment_items where provider_item_id = ?").param(providerItemId)
                .query(this::item).optional();
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

    /** Payments of this provider whose next look is due, oldest due first: id and the next_check_at seen. */
    List<Due> due(PayoutProvider provider, Instant now, int limit) {
        return jdbc.sql("""
                select id, brand_id, next_check_at from payments
                where provider = ? and next_check_at <= ?
                order by next_check_at limit ?""")
                .params(provider.name(), Sql.ts(now), limit)
                .query((rs, row) -> new Due(Sql.uuid(rs, "id"), Sql.uuid(rs, "brand_id"),
                        Sql.instant(rs, "next_check_at")))
                .list();
    }

    record Due(UUID paymentId, UUID brandId, Instant nextCheckAt) {
    }

    /**
     * Takes a due payment for this node by moving its next look on; false when another node
     * took it first (it saw a different next_check_at).
     */
    boolean claim(Due due, Instant until) {
        return jdbc.sql("update payments set next_check_at = ? where id = ? and next_check_at = ?")
                .params(Sql.ts(until), due.paymentId(), Sql.ts(due.nextCheckAt()))
                .update() == 1;
    }

    void setNextCheck(UUID paymentId, Instant at) {
        jdbc.sql("update payments set next_check_at = ? where id = ?").params(Sql.ts(at), paymentId).update();
    }

    /**
     * Written before every request to the provider: if the answer is lost, or the process dies
     * waiting for it, the payment is UNKNOWN and its items too.
     */
    void beginAttempt(UUID paymentId, Instant now) {
        jdbc.sql("""
                update payments set submission = 'UNCERTAIN', first_submitted_at = coalesce(first_submitted_at, ?)
                where id = ?""")
                .params(Sql.ts(now), paymentId)
                .update();
        setItems(paymentId, PaymentItemStatus.PROCESSING, PaymentItemStatus.UNKNOWN);
    }

    /** What the attempt learned: the submission state, the batch id once known, the last error. */
    void endAttempt(UUID paymentId, Submission submission, String batchId, String lastError) {
        jdbc.sql("""
                update payments set submission = ?, provider_batch_id = coalesce(?, provider_batch_id), last_error = ?
                where id = ?""")
                .params(submission.name(), batchId, shorten(lastError), paymentId)
                .update();
        if (submission != Submission.UNCERTAIN) {
            setItems(paymentId, PaymentItemStatus.UNKNOWN, PaymentItemStatus.PROCESSING);
        }
    }

    private void setItems(UUID paymentId, PaymentItemStatus from, PaymentItemStatus to) {
        jdbc.sql("update payment_items set status = ? where payment_id = ? and status = ?")
                .params(to.name(), paymentId, from.name())
                .update();
    }

    /**
     * Moves an item from one of {@code from} to {@code to} once; false when it was not in any of
     * them (another poll or webhook already did it), so money moves once per change.
     */
    boolean move(UUID itemId, Collection<PaymentItemStatus> from, PaymentItemStatus to, String providerItemId,
            String providerStatus, String failureReason, Instant paidAt, Instant returnedAt) {
        return jdbc.sql("""
                update payment_items set status = :to, provider_item_id = coalesce(:providerItemId, provider_item_id),
                    provider_status = coalesce(:providerStatus, provider_status),
                    failure_reason = coalesce(:failureReason, failure_reason), paid_at = coalesce(:paidAt, paid_at),
                    returned_at = coalesce(:returnedAt, returned_at)
                where id = :id and status in (:from)""")
                .param("to", to.name())
                .param("providerItemId", providerItemId)
                .param("providerStatus", providerStatus)
                .param("failureReason", shorten(failureReason))
                .param("paidAt", Sql.ts(paidAt))
                .param("returnedAt", Sql.ts(returnedAt))
                .param("id", itemId)
                .param("from", from.stream().map(Enum::name).toList())
                .update() == 1;
    }

    /** The provider's word for an item that changes nothing of ours (UNCLAIMED, ONHOLD, ...). */
    void noteProviderStatus(UUID itemId, String providerItemId, String providerStatus) {
        jdbc.sql("""
                update payment_items set provider_item_id = coalesce(?, provider_item_id), provider_status = ?
                where id = ?""")
                .params(providerItemId, providerStatus, itemId)
                .update();
    }

    void setStatus(UUID paymentId, PaymentStatus status, Instant completedAt) {
        jdbc.sql("update payments set status = ?, completed_at = coalesce(completed_at, ?) where id = ?")
                .params(status.name(), Sql.ts(completedAt), paymentId)
                .update();
    }

    void confirmTransfer(UUID paymentId, String by) {
        jdbc.sql("update payments set transfer_confirmed_by = ? where id = ?").params(shorten(by), paymentId)
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
                            new long[] {Sums.exact(rs.getBigDecimal("paid")), last == null ? 0 : last.toEpochMilli()});
                });
        return paid;
    }

    /** What the member was paid in this currency and still has (PAID items). */
    long paidTo(UUID brandId, UUID memberId, Currency currency) {
        return Sums.exact(jdbc.sql("""
                select sum(amount_minor) from payment_items
                where brand_id = ? and member_id = ? and currency = ? and status = 'PAID'""")
                .params(brandId, memberId, currency.getCurrencyCode())
                .query(BigDecimal.class)
                .optional().orElse(null));
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
                    paid.put(Sql.uuid(rs, "member_id"), Sums.exact(rs.getBigDecimal("paid")));
                });
        return paid;
    }

    private Payment withItems(Payment p) {
        List<PaymentItem> items = new ArrayList<>(jdbc.sql("select * from payment_items where payment_id = ? "
                        + "order by id")
                .param(p.id()).query(this::item).list());
        return p.withItems(items);
    }

    private static String shorten(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300);
    }

    private Payment payment(ResultSet rs, int row) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency").trim());
        return new Payment(Sql.uuid(rs, "id"), Sql.uuid(rs, "brand_id"), rs.getString("idempotency_key"),
                rs.getString("request_hash"), PayoutProvider.valueOf(rs.getString("provider")),
                PaymentStatus.valueOf(rs.getString("status")), new Money(rs.getLong("total_minor"), currency),
                new Money(rs.getLong("fee_minor"), currency), new Money(rs.getLong("charged_minor"), currency),
                rs.getString("provider_batch_id"), Sql.instant(rs, "created_at"), Sql.instant(rs, "completed_at"),
                List.of(), Submission.valueOf(rs.getString("submission")), Sql.instant(rs, "first_submitted_at"),
                Sql.instant(rs, "next_check_at"), rs.getString("last_error"), rs.getString("transfer_confirmed_by"));
    }

    private PaymentItem item(ResultSet rs, int row) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency").trim());
        return new PaymentItem(Sql.uuid(rs, "id"), Sql.uuid(rs, "payment_id"), Sql.uuid(rs, "brand_id"),
                Sql.uuid(rs, "member_id"), new Money(rs.getLong("amount_minor"), currency),
                new Money(rs.getLong("fee_minor"), currency), PaymentItemStatus.valueOf(rs.getString("status")),
                rs.getString("receiver"), rs.getString("provider_item_id"), rs.getString("failure_reason"),
                Sql.instant(rs, "paid_at"), rs.getString("provider_status"), Sql.instant(rs, "returned_at"));
    }
}
