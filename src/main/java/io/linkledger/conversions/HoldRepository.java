package io.linkledger.conversions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.linkledger.shared.Sql;

/** Why conversions were held ({@code conversion_holds}), and the counts the quality rules need. */
@Repository
class HoldRepository {

    private static final int MAX_DETAIL = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    HoldRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    void insertAll(Map<UUID, List<Hold>> holds) {
        List<Object[]> rows = new ArrayList<>();
        holds.forEach((conversionId, list) -> list.forEach(h -> rows.add(new Object[] {conversionId, h.rule(),
            h.detail().length() > MAX_DETAIL ? h.detail().substring(0, MAX_DETAIL) : h.detail()})));
        if (!rows.isEmpty()) {
            batch.batchUpdate("insert into conversion_holds (conversion_id, rule, detail) values (?, ?, ?)", rows);
        }
    }

    /** The rules that fired on each of these conversions (those without any left out): one query. */
    Map<UUID, List<Hold>> of(Collection<UUID> conversionIds) {
        Map<UUID, List<Hold>> holds = new LinkedHashMap<>();
        if (conversionIds.isEmpty()) {
            return holds;
        }
        jdbc.sql("select conversion_id, rule, detail from conversion_holds where conversion_id in (:ids) order by rule")
                .param("ids", conversionIds)
                .query(rs -> {
                    holds.computeIfAbsent(Sql.uuid(rs, "conversion_id"), id -> new ArrayList<>())
                            .add(new Hold(rs.getString("rule"), rs.getString("detail")));
                });
        return holds;
    }

    long liveOfClick(UUID brandId, String transactionId) {
        return jdbc.sql("""
                select count(*) from conversions where brand_id = ? and transaction_id = ? and status <> 'REVERSED'""")
                .params(brandId, transactionId)
                .query(Long.class)
                .single();
    }

    long liveOfVisitor(UUID offerId, String visitorKey, Instant from, Instant to) {
        return jdbc.sql("""
                select count(*) from conversions
                where offer_id = ? and visitor_key = ? and converted_at >= ? and converted_at < ? and status <> 'REVERSED'""")
                .params(offerId, visitorKey, Sql.ts(from), Sql.ts(to))
                .query(Long.class)
                .single();
    }

    /**
     * The member's conversions per offer (test conversions and pay-per-click accruals left out): how
     * many, how many a rule held (now or once), how many are held now and how many were reversed.
     */
    List<QualitySummary.Row> memberRows(UUID brandId, UUID memberId) {
        return jdbc.sql("""
                select c.offer_id, count(*) as conversions,
                    sum(case when exists (select 1 from conversion_holds h where h.conversion_id = c.id) then 1 else 0 end)
                        as held,
                    sum(case when c.status = 'HELD' then 1 else 0 end) as held_now,
                    sum(case when c.status = 'REVERSED' then 1 else 0 end) as reversed
                from conversions c
                where c.member_id = ? and c.brand_id = ? and c.is_test = false and c.kind <> 'CPC'
                group by c.offer_id
                order by c.offer_id""")
                .params(memberId, brandId)
                .query((rs, row) -> new QualitySummary.Row(Sql.uuid(rs, "offer_id"), rs.getLong("conversions"),
                        rs.getLong("held"), rs.getLong("held_now"), rs.getLong("reversed"), 0))
                .list();
    }
}
