package io.linkledger.tracking;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import io.linkledger.shared.RollupDeltas;

/**
 * The way clicks get into the report rollups (docs/rollups.md): the click batch hands its clicks
 * over in its own transaction, and they are queued as one delta per link and day
 * ({@code click_rollup_queue}: one batched insert, no row locks, V51). {@link ClickRollupApplier}
 * adds them to the rollup tables after the commit.
 */
@Repository
class ClickRollupWriter {

    private final JdbcTemplate jdbc;
    private final ClickRollupApplier applier;

    ClickRollupWriter(JdbcTemplate jdbc, ClickRollupApplier applier) {
        this.jdbc = jdbc;
        this.applier = applier;
    }

    /** Queues what the clicks add to the rollups. Run inside the transaction that stores them. */
    void applyAll(List<Click> clicks) {
        List<ClickDelta> deltas = RollupDeltas.byLinkAndDay(clicks.stream().map(ClickDelta::of).toList());
        jdbc.batchUpdate("""
                insert into click_rollup_queue (assignment_id, click_day, brand_id, offer_id, member_id, clicks,
                    unique_clicks, bot_clicks)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", deltas, deltas.size(), (ps, d) -> {
            ps.setObject(1, d.assignmentId());
            ps.setObject(2, d.day());
            ps.setObject(3, d.brandId());
            ps.setObject(4, d.offerId());
            ps.setObject(5, d.memberId());
            ps.setLong(6, d.clicks());
            ps.setLong(7, d.uniqueClicks());
            ps.setLong(8, d.botClicks());
        });
        applier.wakeAfterCommit();
    }
}
