package io.linkledger.tracking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.linkledger.shared.Sql;
import io.linkledger.tracking.ClickSpam.Flagged;

/** Flagging spam clicks ({@code clicks.is_spam}) and what was flagged ({@code click_spam}). */
@Repository
class ClickSpamRepository {

    /** A visitor's clicks on one member's link: how many, and on which UTC day (the visitor key's). */
    record Burst(UUID assignmentId, String visitorKey, long clicks) {
    }

    /** A click about to be flagged, with what flagging it takes back from the rollups. */
    record Unflagged(String transactionId, Instant clickedAt, UUID brandId, UUID offerId, UUID memberId,
            boolean unique) {
    }

    private final JdbcClient jdbc;

    ClickSpamRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The offers with clicks on or after this day, from the offers' day rollups (a few rows per
     * offer and day) rather than the clicks table.
     */
    List<UUID> offersClickedSince(LocalDate day) {
        return jdbc.sql("select distinct offer_id from click_offer_daily where click_day >= ? and clicks > 0")
                .param(day)
                .query((rs, row) -> Sql.uuid(rs, "offer_id"))
                .list();
    }

    /** Visitors with more than {@code max} human clicks on one link of the offer since then. */
    List<Burst> bursts(UUID offerId, Instant since, int max) {
        return jdbc.sql("""
                select assignment_id, visitor_key, count(*) as clicks from clicks
                where offer_id = ? and clicked_at >= ? and is_bot = false
                group by assignment_id, visitor_key
                having count(*) > ?""")
                .params(offerId, Sql.ts(since), max)
                .query((rs, row) -> new Burst(Sql.uuid(rs, "assignment_id"), rs.getString("visitor_key"),
                        rs.getLong("clicks")))
                .list();
    }

    /** The visitor's human clicks on the link not flagged yet, locked until the flags commit. */
    List<Unflagged> lockUnflagged(Burst burst, Instant since) {
        return jdbc.sql("""
                select transaction_id, clicked_at, brand_id, offer_id, member_id, is_unique from clicks
                where assignment_id = ? and visitor_key = ? and clicked_at >= ? and is_bot = false and is_spam = false
                for update""")
                .params(burst.assignmentId(), burst.visitorKey(), Sql.ts(since))
                .query((rs, row) -> new Unflagged(rs.getString("transaction_id"), Sql.instant(rs, "clicked_at"),
                        Sql.uuid(rs, "brand_id"), Sql.uuid(rs, "offer_id"), Sql.uuid(rs, "member_id"),
                        rs.getBoolean("is_unique")))
                .list();
    }

    void flag(Collection<String> transactionIds) {
        jdbc.sql("update clicks set is_spam = true where transaction_id in (:ids)")
                .param("ids", transactionIds)
                .update();
    }

    /** Adds flagged clicks to the visitor's row for the link and day. */
    void record(Burst burst, Unflagged first, LocalDate day, long clicks, Instant now) {
        int updated = jdbc.sql("""
                update click_spam set clicks = clicks + ?, flagged_at = ?
                where assignment_id = ? and visitor_key = ? and click_day = ?""")
                .params(clicks, Sql.ts(now), burst.assignmentId(), burst.visitorKey(), day)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into click_spam (assignment_id, visitor_key, click_day, brand_id, offer_id, member_id,
                        clicks, flagged_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(burst.assignmentId(), burst.visitorKey(), day, first.brandId(), first.offerId(), first.memberId(),
                            clicks, Sql.ts(now))
                    .update();
        }
    }

    /** Flagged clicks of the brand's member, per offer. */
    List<Flagged> ofMember(UUID brandId, UUID memberId) {
        return jdbc.sql("""
                select offer_id, member_id, sum(clicks) as clicks from click_spam
                where brand_id = ? and member_id = ?
                group by offer_id, member_id""")
                .params(brandId, memberId)
                .query((rs, row) -> new Flagged(Sql.uuid(rs, "offer_id"), Sql.uuid(rs, "member_id"),
                        rs.getLong("clicks")))
                .list();
    }

    /** Flagged clicks in the offer per member, clicked from {@code from} to {@code to} (UTC days, inclusive). */
    List<Flagged> ofOffer(UUID offerId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select offer_id, member_id, sum(clicks) as clicks from click_spam
                where offer_id = ? and click_day >= ? and click_day <= ?
                group by offer_id, member_id""")
                .params(offerId, from, to)
                .query((rs, row) -> new Flagged(Sql.uuid(rs, "offer_id"), Sql.uuid(rs, "member_id"),
                        rs.getLong("clicks")))
                .list();
    }
}
