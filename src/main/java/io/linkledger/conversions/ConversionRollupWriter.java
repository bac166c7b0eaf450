package io.linkledger.conversions;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

/**
 * The way conversions get into the report rollups (docs/rollups.md): every transaction that creates
 * or changes conversions hands them over, and what that adds or takes back is queued
 * ({@code conversion_rollup_queue}: one batched insert, no row locks); {@link ConversionRollupApplier}
 * adds it to the rollup tables after the commit.
 */
@Component
class ConversionRollupWriter {

    private final ConversionRollupApplier applier;

    ConversionRollupWriter(ConversionRollupApplier applier) {
        this.applier = applier;
    }

    /**
     * Moves the rollups from what {@code before} added (null: a new conversion) to what {@code after}
     * adds, so a reversal or an amount change takes back exactly what the conversion had added.
     */
    void apply(Conversion before, Conversion after) {
        applier.queue(Stream.concat(ConversionDelta.of(before).map(ConversionDelta::negated).stream(),
                ConversionDelta.of(after).stream()).toList());
    }

    /** Adds new conversions (a batch of postbacks): the same as {@code apply(null, c)} for each, in one statement. */
    void applyAll(List<Conversion> created) {
        applier.queue(created.stream().flatMap(c -> ConversionDelta.of(c).stream()).toList());
    }
}
