package io.linkledger.tracking;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The way clicks get into the report rollups (docs/rollups.md): the click batch hands its clicks
 * over in its own transaction, and what they add is queued ({@code click_rollup_queue}: one batched
 * insert, no row locks); {@link ClickRollupApplier} adds it to the rollup tables after the commit.
 */
@Component
class ClickRollupWriter {

    private final ClickRollupApplier applier;

    ClickRollupWriter(ClickRollupApplier applier) {
        this.applier = applier;
    }

    /** Queues what the clicks add to the rollups. Run inside the transaction that stores them. */
    void applyAll(List<Click> clicks) {
        applier.queue(clicks.stream().map(ClickDelta::of).toList());
    }
}
