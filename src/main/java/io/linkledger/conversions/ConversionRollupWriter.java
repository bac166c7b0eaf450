package io.linkledger.conversions;

import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import io.linkledger.brands.BrandSettingsService;

/**
 * The way conversions get into the report rollups (docs/rollups.md): every transaction that creates
 * or changes conversions hands them over, and what that adds or takes back is queued
 * ({@code conversion_rollup_queue}: one batched insert, no row locks); {@link ConversionRollupApplier}
 * adds it to the rollup tables after the commit. A conversion counts in its day in the brand's time
 * zone (docs/rollups.md).
 */
@Component
class ConversionRollupWriter {

    private final ConversionRollupApplier applier;
    private final BrandSettingsService brands;

    ConversionRollupWriter(ConversionRollupApplier applier, BrandSettingsService brands) {
        this.applier = applier;
        this.brands = brands;
    }

    /**
     * Moves the rollups from what {@code before} added (null: a new conversion) to what {@code after}
     * adds, so a reversal or an amount change takes back exactly what the conversion had added.
     */
    void apply(Conversion before, Conversion after) {
        ZoneId zone = brands.timeZone(after != null ? after.brandId() : before.brandId());
        applier.queue(Stream.concat(ConversionDelta.of(before, zone).map(ConversionDelta::negated).stream(),
                ConversionDelta.of(after, zone).stream()).toList());
    }

    /** Adds new conversions (a batch of postbacks): the same as {@code apply(null, c)} for each, in one statement. */
    void applyAll(List<Conversion> created) {
        applier.queue(created.stream().flatMap(c -> ConversionDelta.of(c, brands.timeZone(c.brandId())).stream()).toList());
    }
}
