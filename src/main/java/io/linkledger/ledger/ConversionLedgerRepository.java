package io.linkledger.ledger;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.linkledger.conversions.MoneyChange;
import io.linkledger.conversions.ConversionStatus;
import io.linkledger.shared.Sql;

@Repository
class ConversionLedgerRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    ConversionLedgerRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * Marks the events processed and answers those seen for the first time, in order. A concurrent
     * transaction marking one of them too makes the insert fail (and this transaction roll back)
     * rather than book it twice.
     */
    List<MoneyChange> markAllProcessed(List<MoneyChange> events, Instant now) {
        if (events.isEmpty()) {
            return List.of();
        }
        Set<UUID> seen = new HashSet<>(jdbc.sql("select event_id from ledger_events where event_id in (:ids)")
                .param("ids", events.stream().map(MoneyChange::eventId).toList())
                .query(UUID.class)
                .list());
        List<MoneyChange> fresh = events.stream().filter(e -> !seen.contains(e.eventId())).toList();
        batch.batchUpdate("insert into ledger_events (event_id, brand_id, processed_at) values (?, ?, ?)",
                fresh.stream().map(e -> new Object[] {e.eventId(), e.brandId(), Sql.ts(now)}).toList());
        return fresh;
    }

    /** What is booked for these conversions, locked for this transaction (in id order, so batches cannot deadlock). */
    Map<UUID, BookedConversion> findAll(Collection<UUID> conversionIds) {
        Map<UUID, BookedConversion> found = new HashMap<>();
        if (!conversionIds.isEmpty()) {
            jdbc.sql("select * from ledger_conversions where conversion_id in (:ids) order by conversion_id for update")
                    .param("ids", conversionIds)
                    .query(this::booked)
                    .list()
                    .forEach(c -> found.put(c.conversionId(), c));
        }
        return found;
    }

    void updateAll(List<BookedConversion> conversions, Instant now) {
        batch.batchUpdate("""
                update ledger_conversions set status = ?, pending_member_minor = ?, booked_member_minor = ?,
                    booked_network_minor = ?, approved_at = ?, updated_at = ?
                where conversion_id = ?""", conversions.stream().map(c -> new Object[] {c.status().name(),
                    c.pendingMember(), c.bookedMember(), c.bookedNetwork(), Sql.ts(c.approvedAt()), Sql.ts(now),
                    c.conversionId()}).toList());
    }

    void insertAll(List<BookedConversion> conversions, Instant now) {
        batch.batchUpdate("""
                insert into ledger_conversions (conversion_id, brand_id, member_id, currency, status,
                    pending_member_minor, booked_member_minor, booked_network_minor, approved_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", conversions.stream().map(c -> new Object[] {
                    c.conversionId(), c.brandId(), c.memberId(), c.currency().getCurrencyCode(), c.status().name(),
                    c.pendingMember(), c.bookedMember(), c.bookedNetwork(), Sql.ts(c.approvedAt()), Sql.ts(now)})
                .toList());
    }

    /** Member id → commission of their pending conversions. */
    Map<UUID, Long> pendingByMember(UUID brandId, Currency currency) {
        Map<UUID, Long> pending = new HashMap<>();
        jdbc.sql("""
                select member_id, sum(pending_member_minor) as pending from ledger_conversions
                where brand_id = ? and currency = ? and pending_member_minor <> 0
                group by member_id""")
                .params(brandId, currency.getCurrencyCode())
                .query(rs -> {
                    pending.put(Sql.uuid(rs, "member_id"), Sums.exact(rs.getBigDecimal("pending")));
                });
        return pending;
    }

    /** Network commission booked for conversions approved in [from, to): what a remittance should pay. */
    long expectedNetwork(UUID brandId, Currency currency, Instant from, Instant to) {
        return Sums.exact(jdbc.sql("""
                select sum(booked_network_minor) from ledger_conversions
                where brand_id = ? and currency = ? and approved_at >= ? and approved_at < ?""")
                .params(brandId, currency.getCurrencyCode(), Sql.ts(from), Sql.ts(to))
                .query(BigDecimal.class)
                .optional().orElse(null));
    }

    /** Marks the not yet remitted conversions approved in [from, to) as covered; answers their network total. */
    long cover(UUID brandId, Currency currency, Instant from, Instant to, UUID remittanceId) {
        long expected = Sums.exact(jdbc.sql("""
                select sum(booked_network_minor) from ledger_conversions
                where brand_id = ? and currency = ? and approved_at >= ? and approved_at < ? and remittance_id is null""")
                .params(brandId, currency.getCurrencyCode(), Sql.ts(from), Sql.ts(to))
                .query(BigDecimal.class)
                .optional().orElse(null));
        jdbc.sql("""
                update ledger_conversions set remittance_id = ?
                where brand_id = ? and currency = ? and approved_at >= ? and approved_at < ? and remittance_id is null""")
                .params(remittanceId, brandId, currency.getCurrencyCode(), Sql.ts(from), Sql.ts(to))
                .update();
        return expected;
    }

    /** The conversions a voided remittance covered are expected from the network again. */
    void uncover(UUID remittanceId) {
        jdbc.sql("update ledger_conversions set remittance_id = null where remittance_id = ?")
                .param(remittanceId)
                .update();
    }

    private BookedConversion booked(ResultSet rs, int row) throws SQLException {
        return new BookedConversion(Sql.uuid(rs, "conversion_id"), Sql.uuid(rs, "brand_id"),
                Sql.uuid(rs, "member_id"), Currency.getInstance(rs.getString("currency").trim()),
                ConversionStatus.valueOf(rs.getString("status")), rs.getLong("pending_member_minor"),
                rs.getLong("booked_member_minor"), rs.getLong("booked_network_minor"),
                Sql.instant(rs, "approved_at"), Sql.uuid(rs, "remittance_id"));
    }
}
