package io.linkledger.shared;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What the report rollups are written with (docs/rollups.md): deltas, each what one tracking link
 * gains on one day, and the groups a batch of them is added to the rollup tables in. Every group
 * comes in the order its rows are locked, so two transactions adding to the same rows cannot
 * deadlock.
 */
public final class RollupDeltas {

    private RollupDeltas() {
    }

    /** What a tracking link gains on a day; {@code plus} adds another delta's figures (same link or offer). */
    public interface Delta<K extends Comparable<K>, D> {

        /** The tracking link (with whatever else keys its rows); links are locked in this order. */
        K link();

        UUID offerId();

        LocalDate day();

        D plus(D other);

        /** Adds nothing: not worth a queue row. */
        boolean isZero();
    }

    private record LinkDay<K>(K link, LocalDate day) {
    }

    private record OfferDay(UUID offerId, LocalDate day) {
    }

    /** One delta per link and day, in link and day order. */
    public static <K extends Comparable<K>, D extends Delta<K, D>> List<D> byLinkAndDay(Collection<D> deltas) {
        Map<LinkDay<K>, D> merged = new TreeMap<>(
                Comparator.comparing((LinkDay<K> k) -> k.link()).thenComparing(LinkDay::day));
        for (D delta : deltas) {
            merged.merge(new LinkDay<>(delta.link(), delta.day()), delta, (a, b) -> a.plus(b));
        }
        return new ArrayList<>(merged.values());
    }

    /** One delta per offer and day, in offer and day order; the link of each is one of the offer's. */
    public static <K extends Comparable<K>, D extends Delta<K, D>> List<D> byOfferAndDay(Collection<D> deltas) {
        Map<OfferDay, D> merged = new TreeMap<>(Comparator.comparing(OfferDay::offerId).thenComparing(OfferDay::day));
        for (D delta : deltas) {
            merged.merge(new OfferDay(delta.offerId(), delta.day()), delta, (a, b) -> a.plus(b));
        }
        return new ArrayList<>(merged.values());
    }
}
