package io.linkledger.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.linkledger.shared.Money;
import io.linkledger.shared.Sql;

@Repository
class RemittanceRepository {

    private final JdbcClient jdbc;

    RemittanceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Remittance r) {
        jdbc.sql("""
                insert into remittances (id, brand_id, network, period, currency, expected_minor, received_minor,
                    received_on, available_on, status, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.id(), r.brandId(), r.network(), r.period().toString(), r.currency().getCurrencyCode(),
                        r.expected().minor(), r.received().minor(), r.receivedOn(), r.availableOn(), r.status(),
                        Sql.ts(r.createdAt()))
                .update();
    }

    /** The remittance that counts for this network, period and currency (a voided one does not). */
    Optional<Remittance> find(UUID brandId, String network, YearMonth period, Currency currency) {
        return jdbc.sql("""
                select * from remittances
                where brand_id = ? and network = ? and period = ? and currency = ? and active_slot = '-'""")
                .params(brandId, network, period.toString(), currency.getCurrencyCode())
                .query(this::remittance).optional();
    }

    Optional<Remittance> find(UUID brandId, UUID id) {
        return jdbc.sql("select * from remittances where brand_id = ? and id = ?").params(brandId, id)
                .query(this::remittance).optional();
    }

    Optional<Remittance> lock(UUID brandId, UUID id) {
        return jdbc.sql("select * from remittances where brand_id = ? and id = ? for update").params(brandId, id)
                .query(this::remittance).optional();
    }

    List<Remittance> list(UUID brandId) {
        return jdbc.sql("select * from remittances where brand_id = ? order by period desc, network, created_at desc")
                .param(brandId).query(this::remittance).list();
    }

    /** Pending remittances that are due on {@code today}; all brands when brandId is null. */
    List<Remittance> due(UUID brandId, LocalDate today) {
        return jdbc.sql("select * from remittances where status = 'PENDING' and available_on <= ?"
                        + (brandId == null ? "" : " and brand_id = ?") + " order by available_on limit 500")
                .params(brandId == null ? new Object[] {today} : new Object[] {today, brandId})
                .query(this::remittance).list();
    }

    /** Marks it settled once; false when another node already did (or it was voided). */
    boolean settle(UUID id, Instant at) {
        return jdbc.sql("update remittances set status = 'AVAILABLE', settled_at = ? where id = ? and status = 'PENDING'")
                .params(Sql.ts(at), id).update() == 1;
    }

    /** Voids it once, freeing its network, period and currency for a corrected remittance. */
    boolean markVoided(UUID id, String reason, Instant at) {
        return jdbc.sql("""
                update remittances set status = 'VOIDED', voided_at = ?, void_reason = ?, active_slot = ?
                where id = ? and status <> 'VOIDED'""")
                .params(Sql.ts(at), reason, id.toString(), id).update() == 1;
    }

    private Remittance remittance(ResultSet rs, int row) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency").trim());
        return new Remittance(Sql.uuid(rs, "id"), Sql.uuid(rs, "brand_id"), rs.getString("network"),
                YearMonth.parse(rs.getString("period").trim()), new Money(rs.getLong("expected_minor"), currency),
                new Money(rs.getLong("received_minor"), currency), rs.getObject("received_on", LocalDate.class),
                rs.getObject("available_on", LocalDate.class), rs.getString("status"), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "settled_at"), Sql.instant(rs, "voided_at"), rs.getString("void_reason"));
    }
}
