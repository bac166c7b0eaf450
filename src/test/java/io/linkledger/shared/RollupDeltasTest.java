package io.linkledger.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Deltas grouped for the rollup tables: added up per group, each group in lock order. */
class RollupDeltasTest {

    private static final UUID OFFER_1 = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID OFFER_2 = UUID.fromString("00000000-0000-0000-0000-000000000002");

    private record Added(String link, UUID offerId, LocalDate day, long n)
            implements RollupDeltas.Delta<String, Added> {

        @Override
        public Added plus(Added other) {
            return new Added(link, offerId, day, n + other.n);
        }

        @Override
        public boolean isZero() {
            return n == 0;
        }
    }

    private static LocalDate day(int november) {
        return LocalDate.of(2026, 11, november);
    }

    private final List<Added> deltas = List.of(new Added("b", OFFER_2, day(12), 1),
            new Added("a", OFFER_1, day(14), 2), new Added("b", OFFER_2, day(10), 4),
            new Added("a", OFFER_1, day(9), 8), new Added("a", OFFER_1, day(14), 16),
            new Added("c", OFFER_1, day(9), 32));

    @Test
    void oneDeltaPerLinkAndDayInLinkAndDayOrder() {
        assertThat(RollupDeltas.byLinkAndDay(deltas)).containsExactly(new Added("a", OFFER_1, day(9), 8),
                new Added("a", OFFER_1, day(14), 18), new Added("b", OFFER_2, day(10), 4),
                new Added("b", OFFER_2, day(12), 1), new Added("c", OFFER_1, day(9), 32));
    }

    @Test
    void oneDeltaPerOfferAndDayInOfferAndDayOrder() {
        assertThat(RollupDeltas.byOfferAndDay(deltas)).extracting(Added::offerId, Added::day, Added::n)
                .containsExactly(tuple(OFFER_1, day(9), 40L), tuple(OFFER_1, day(14), 18L), tuple(OFFER_2, day(10), 4L),
                        tuple(OFFER_2, day(12), 1L));
    }

    @Test
    void noDeltasNoGroups() {
        assertThat(RollupDeltas.byLinkAndDay(List.<Added>of())).isEmpty();
        assertThat(RollupDeltas.byOfferAndDay(List.<Added>of())).isEmpty();
    }
}
