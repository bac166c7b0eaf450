package io.linkledger.conversions;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import io.linkledger.shared.RollupDeltas;

/**
 * The way conversions get into the report rollups (docs/rollups.md): every transaction that
 * creates or changes conversions hands them over, and what that adds or takes back is queued as one
 * delta per link and day ({@code conversion_rollup_queue}: one batched insert, no row locks, V65).
 * {@link ConversionRollupApplier} adds them to the rollup tables after the commit.
 */
@Repository
class ConversionRollupWriter {

    private final JdbcTemplate jdbc;
    private final ConversionRollupApplier applier;

    ConversionRollupWriter(JdbcTemplate jdbc, ConversionRollupApplier applier) {
        this.jdbc = jdbc;
        this.applier = applier;
    }

    /**
     * Moves the rollups from what {@code before} added (null: a new conversion) to what {@code after}
     * adds, so a reversal or an amount change takes back exactly what the conversion had added.
     */
    void apply(Conversion before, Conversion after) {
        List<ConversionDelta> deltas = new ArrayList<>(2);
        ConversionDelta.of(before).map(ConversionDelta::negated).ifPresent(deltas::add);
        ConversionDelta.of(after).ifPresent(deltas::add);
        queue(RollupDeltas.byLinkAndDay(deltas).stream().filter(d -> !d.isZero()).toList());
    }

    /** Adds new conversions (a batch of postbacks): the same as {@code apply(null, c)} for each, in one statement. */
    void applyAll(List<Conversion> created) {
        queue(RollupDeltas.byLinkAndDay(created.stream().flatMap(c -> ConversionDelta.of(c).stream()).toList()));
    }

    private void queue(List<ConversionDelta> deltas) {
        if (deltas.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                insert into conversion_rollup_queue (assignment_id, conversion_day, currency, brand_id, offer_id,
                    member_id, live, conversions, sales_minor, commission_minor, pending_commission_minor,
                    approved_commission_minor, paid_commission_minor)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", deltas, deltas.size(), (ps, d) -> {
            ps.setObject(1, d.assignmentId());
            ps.setObject(2, d.day());
            ps.setString(3, d.currency());
            ps.setObject(4, d.brandId());
            ps.setObject(5, d.offerId());
            ps.setObject(6, d.memberId());
            ps.setLong(7, d.live());
            ps.setLong(8, d.conversions());
            ps.setLong(9, d.sales());
            ps.setLong(10, d.commission());
            ps.setLong(11, d.pending());
            ps.setLong(12, d.approved());
            ps.setLong(13, d.paid());
        });
        applier.wakeAfterCommit();
    }
}
