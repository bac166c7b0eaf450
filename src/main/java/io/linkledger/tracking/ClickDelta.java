package io.linkledger.tracking;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import io.linkledger.shared.RollupDeltas;

/**
 * Clicks to add to one tracking link's rollups for one day of the brand's time zone: a row of
 * {@code click_rollup_queue}.
 * {@code clicks} are human ones.
 */
record ClickDelta(UUID assignmentId, LocalDate clickDay, UUID brandId, UUID offerId, UUID memberId, long clicks,
        long uniqueClicks, long botClicks) implements RollupDeltas.Delta<UUID, ClickDelta> {

    /** The click on its day in {@code zone}, the brand's time zone when the click is written. */
    static ClickDelta of(Click c, ZoneId zone) {
        return new ClickDelta(c.assignmentId(), LocalDate.ofInstant(c.clickedAt(), zone), c.brandId(),
                c.offerId(), c.memberId(), c.bot() ? 0 : 1, !c.bot() && c.unique() ? 1 : 0, c.bot() ? 1 : 0);
    }

    @Override
    public UUID link() {
        return assignmentId;
    }

    @Override
    public LocalDate day() {
        return clickDay;
    }

    @Override
    public ClickDelta plus(ClickDelta other) {
        return new ClickDelta(assignmentId, clickDay, brandId, offerId, memberId, clicks + other.clicks,
                uniqueClicks + other.uniqueClicks, botClicks + other.botClicks);
    }

    @Override
    public boolean isZero() {
        return clicks == 0 && uniqueClicks == 0 && botClicks == 0;
    }
}
