package io.linkledger.tracking;

import java.util.List;

import org.springframework.stereotype.Component;

import io.linkledger.brands.BrandSettingsService;

/**
 * The way clicks get into the report rollups (docs/rollups.md): the click batch hands its clicks
 * over in its own transaction, and what they add is queued ({@code click_rollup_queue}: one batched
 * insert, no row locks); {@link ClickRollupApplier} adds it to the rollup tables after the commit.
 * A click counts in its day in the brand's time zone, decided here, once (docs/rollups.md).
 */
@Component
class ClickRollupWriter {

    private final ClickRollupApplier applier;
    private final BrandSettingsService brands;

    ClickRollupWriter(ClickRollupApplier applier, BrandSettingsService brands) {
        this.applier = applier;
        this.brands = brands;
    }

    /** Queues what the clicks add to the rollups. Run inside the transaction that stores them. */
    void applyAll(List<Click> clicks) {
        applier.queue(clicks.stream().map(c -> ClickDelta.of(c, brands.timeZone(c.brandId()))).toList());
    }
}
