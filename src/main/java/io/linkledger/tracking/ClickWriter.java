package io.linkledger.tracking;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a batch of clicks, with their rollup counts, in the caller's transaction: what a click
 * sink's flusher commits before it acknowledges the batch.
 */
@Component
class ClickWriter {

    private final ClickStore store;
    private final ClickRollupWriter rollups;

    ClickWriter(ClickStore store, ClickRollupWriter rollups) {
        this.store = store;
        this.rollups = rollups;
    }

    /**
     * The rollup counts go first: the driver sends a transaction's {@code BEGIN} with its first
     * statement, but before a {@code COPY} on a round trip of its own, one more per batch.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void write(List<Click> clicks) {
        rollups.applyAll(clicks);
        store.insert(clicks);
    }
}
