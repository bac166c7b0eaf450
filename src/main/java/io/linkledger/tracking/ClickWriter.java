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

    @Transactional(propagation = Propagation.MANDATORY)
    void write(List<Click> clicks) {
        store.insert(clicks);
        rollups.applyAll(clicks);
    }
}
