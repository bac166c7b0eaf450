package io.linkledger.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.linkledger.conversions.ConversionStatus;
import io.linkledger.shared.Sql;

@Repository
class ConversionLedgerRepository {

    private final JdbcClient jdbc;

    ConversionLedgerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True the first time an event id is seen; a redelivered event answers false. */
    boolean markProcessed(UUID eventId, UUID brandId, Instant now) {
        return jdbc.sql("insert into ledger_events (event_id, brand_id, processed_at) values (?, ?, ?) "
                        + "on conflict do nothing")
                .params(eventId, brandId, Sql.ts(now))
                .update() == 1;
    }

    Optional<BookedConversion> find(UUID conversionId) {
        return jdbc.sql("select * from ledger_conversions where conversion_id = ? for update")
                .param(conversionId)
                .query(this::booked)
                .optional();
    }

    void save(BookedConversion c, Instant now) {
        int updated = jdbc.sql("""
                update ledger_conversions set status = ?, pending_member_minor = ?, booked_member_minor = ?,
                    booked_network_minor = ?, approved_at = ?, updated_at = ?
                where conversion_id = ?""")
                .params(c.status().name(), c.pendingMember(), c.bookedMember(), c.bookedNetwork(),
                        Sql.ts(c.approvedAt()), Sql.ts(now), c.conversionId())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into ledger_conversions (conversion_id, brand_id, member_id, currency, status,
                        pending_member_minor, booked_member_minor, booked_network_minor, approved_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(c.conversionId(), c.brandId(), c.memberId(), c.currency().getCurrencyCode(),
                            c.status().name(), c.pendingMember(), c.bookedMember(), c.bookedNetwork(),
                            Sql.ts(c.approvedAt()), Sql.ts(now))
                    .update();
        }
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
                    pending.put(Sql.uuid(rs, "member_id"), rs.getLong("pending"));
                });
        return pending;
    }

    /** Network commission booked for conversions approved in [from, to): what a remittance should pay. */
    long expectedNetwork(UUID brandId, Currency currency, Instant from, Instant to) {
        return jdbc.sql("""
                select coalesce(sum(booked_network_minor), 0) from ledger_conversions
                where brand_id = ? and currency = ? and approved_at >= ? and approved_at < ?""")
                .params(brandId, currency.getCurrencyCode(), Sql.ts(from), Sql.ts(to))
                .query(Long.class)
                .single();
    }

    /** Marks the not yet remitted conversions approved in [from, to) as covered; answers their network total. */
    long cover(UUID brandId, Currency currency, Instant from, Instant to, UUID remittanceId) {
        long expected = jdbc.sql("""
                select coalesce(sum(booked_network_minor), 0) from ledger_conversions
                where brand_id = ? and currency = ? and approved_at >= ? and approved_at < ? and remittance_id is null""")
                .params(brandId, currency.getCurrencyCode(), Sql.ts(from), Sql.ts(to))
                .query(Long.class)
                .single();
        jdbc.sql("""
                update ledger_conversions set remittance_id = ?
                where brand_id = ? and currency = ? and approved_at >= ? and approved_at < ? and remittance_id is null""")
                .params(remittanceId, brandId, currency.getCurrencyCode(), Sql.ts(from), Sql.ts(to))
                .update();
        return expected;
    }

    private BookedConversion booked(ResultSet rs, int row) throws SQLException {
        return new BookedConversion(Sql.uuid(rs, "conversion_id"), Sql.uuid(rs, "brand_id"),
                Sql.uuid(rs, "member_id"), Currency.getInstance(rs.getString("currency").trim()),
                ConversionStatus.valueOf(rs.getString("status")), rs.getLong("pending_member_minor"),
                rs.getLong("booked_member_minor"), rs.getLong("booked_network_minor"),
                Sql.instant(rs, "approved_at"), Sql.uuid(rs, "remittance_id"));
    }
}
