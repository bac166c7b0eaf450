package io.linkledger.ledger;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.linkledger.shared.Money;
import io.linkledger.shared.Sql;

@Repository
class CardChargeRepository {

    private final JdbcClient jdbc;

    CardChargeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the charge unless a concurrent request with the same key just did; false then. */
    boolean insert(CardCharge c) {
        return jdbc.sql("""
                insert into card_charges (id, brand_id, purpose, request_key, currency, amount_minor,
                    payment_method_id, attempt, intent_ref, status, failure_reason, attempted_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing""")
                .params(c.id(), c.brandId(), c.purpose().name(), c.requestKey(),
                        c.amount().currency().getCurrencyCode(), c.amount().minor(), c.paymentMethodId(), c.attempt(),
                        c.intentRef(), c.status().name(), c.failureReason(), Sql.ts(c.attemptedAt()),
                        Sql.ts(c.updatedAt()))
                .update() == 1;
    }

    Optional<CardCharge> find(UUID brandId, CardCharge.Purpose purpose, String requestKey) {
        return jdbc.sql("select * from card_charges where brand_id = ? and purpose = ? and request_key = ?")
                .params(brandId, purpose.name(), requestKey)
                .query(this::charge).optional();
    }

    Optional<CardCharge> find(UUID id) {
        return jdbc.sql("select * from card_charges where id = ?").param(id).query(this::charge).optional();
    }

    Optional<CardCharge> findByIntent(String intentRef) {
        return jdbc.sql("select * from card_charges where intent_ref = ?").param(intentRef).query(this::charge)
                .optional();
    }

    /**
     * Starts a new attempt if the charge is still at {@code fromAttempt} in an over state; false
     * when a concurrent request started it first.
     */
    boolean startAttempt(UUID id, int fromAttempt, Money amount, UUID paymentMethodId, Instant now) {
        return jdbc.sql("""
                update card_charges set attempt = attempt + 1, amount_minor = ?, payment_method_id = ?,
                    intent_ref = null, status = 'UNKNOWN', failure_reason = null, attempted_at = ?, updated_at = ?
                where id = ? and attempt = ? and status in ('DECLINED', 'REFUSED')""")
                .params(amount.minor(), paymentMethodId, Sql.ts(now), Sql.ts(now), id, fromAttempt)
                .update() == 1;
    }

    /**
     * What the processor said about an attempt; ignored when the charge moved on to a later
     * attempt, and never taking a SUCCEEDED charge back.
     */
    void record(UUID id, int attempt, CardCharge.Status status, String intentRef, String failureReason,
            Instant now) {
        jdbc.sql("""
                update card_charges set status = ?, intent_ref = coalesce(?, intent_ref), failure_reason = ?,
                    updated_at = ?
                where id = ? and attempt = ? and status <> 'SUCCEEDED'""")
                .params(status.name(), intentRef, failureReason == null || failureReason.length() <= 300
                        ? failureReason : failureReason.substring(0, 300), Sql.ts(now), id, attempt)
                .update();
    }

    List<CardCharge> list(UUID brandId, int limit) {
        return jdbc.sql("select * from card_charges where brand_id = ? order by attempted_at desc limit ?")
                .params(brandId, limit).query(this::charge).list();
    }

    /** Charges whose outcome the processor has not settled, oldest first. */
    List<CardCharge> open(Instant attemptedBefore, int limit) {
        return jdbc.sql("""
                select * from card_charges where status in ('UNKNOWN', 'PROCESSING') and attempted_at < ?
                order by attempted_at limit ?""")
                .params(Sql.ts(attemptedBefore), limit).query(this::charge).list();
    }

    /** What PROCESSING charges of this brand and currency add up to (shown as pending). */
    long processing(UUID brandId, Currency currency) {
        return Sums.exact(jdbc.sql("""
                select sum(amount_minor) from card_charges where brand_id = ? and currency = ? and status = 'PROCESSING'""")
                .params(brandId, currency.getCurrencyCode())
                .query(BigDecimal.class).optional().orElse(null));
    }

    private CardCharge charge(ResultSet rs, int row) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency").trim());
        return new CardCharge(Sql.uuid(rs, "id"), Sql.uuid(rs, "brand_id"),
                CardCharge.Purpose.valueOf(rs.getString("purpose")), rs.getString("request_key"),
                new Money(rs.getLong("amount_minor"), currency), Sql.uuid(rs, "payment_method_id"),
                rs.getInt("attempt"), rs.getString("intent_ref"), CardCharge.Status.valueOf(rs.getString("status")),
                rs.getString("failure_reason"), Sql.instant(rs, "attempted_at"), Sql.instant(rs, "updated_at"));
    }
}
