package io.linkledger.tracking;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Clicks to add to one tracking link's rollup for one UTC day. {@code clicks} are human ones. */
record ClickDelta(UUID assignmentId, LocalDate day, UUID brandId, UUID offerId, UUID memberId, long clicks,
        long uniqueClicks, long botClicks) {

    private record Key(UUID assignmentId, LocalDate day) {
    }

    static ClickDelta of(Click c) {
        return new ClickDelta(c.assignmentId(), LocalDate.ofInstant(c.clickedAt(), ZoneOffset.UTC), c.brandId(),
                c.offerId(), c.memberId(), c.bot() ? 0 : 1, !c.bot() && c.unique() ? 1 : 0, c.bot() ? 1 : 0);
    }

    ClickDelta plus(ClickDelta other) {
        return new ClickDelta(assignmentId, day, brandId, offerId, memberId, clicks + other.clicks,
                uniqueClicks + other.uniqueClicks, botClicks + other.botClicks);
    }

    /** One delta per link and day. */
    static List<ClickDelta> merge(List<ClickDelta> deltas) {
        Map<Key, ClickDelta> merged = new LinkedHashMap<>();
        for (ClickDelta d : deltas) {
            merged.merge(new Key(d.assignmentId(), d.day()), d, ClickDelta::plus);
        }
        return new ArrayList<>(merged.values());
    }
}
