package io.linkledger.tracking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.linkledger.tracking.ClickStore.VisitorOnLink;

/**
 * Stores a batch of clicks read from the Kafka topic, in the caller's transaction: exactly once,
 * and with their unique flag decided here, exactly.
 *
 * <p>Exactly once: a click whose transaction id is stored already (its batch committed, but the
 * consumer died before committing the offsets, so Kafka delivers it again) is left out, and adds
 * nothing to the rollups. Should two consumers hold the same records for a moment (a rebalance),
 * the table's unique key makes one of the two transactions fail, and its records are read again.
 *
 * <p>Unique: a human click is unique when its visitor made no unique click on the link in the 24
 * hours before. All of a link's clicks are in one partition, read by one consumer at a time, in
 * order, so this is decided in one place. The window lives in the clicks table (what committed
 * before, whichever node wrote it) plus this batch's own decisions, so nothing is lost when the
 * partition moves to another node. A click delivered again was stored before the clicks after it,
 * so the stored ones never change a decision the first delivery made.
 */
class ClickStreamWriter {

    private final ClickStore store;
    private final ClickWriter writer;

    ClickStreamWriter(ClickStore store, ClickWriter writer) {
        this.store = store;
        this.writer = writer;
    }

    /** Stores the clicks not stored yet, in order, and returns them as stored. */
    @Transactional(propagation = Propagation.MANDATORY)
    List<Click> write(List<StreamedClick> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        Map<String, StreamedClick> byId = new LinkedHashMap<>();
        Instant first = batch.getFirst().click().clickedAt();
        Instant last = first;
        for (StreamedClick s : batch) {
            byId.putIfAbsent(s.click().transactionId(), s);
            first = min(first, s.click().clickedAt());
            last = max(last, s.click().clickedAt());
        }
        byId.keySet().removeAll(store.storedAmong(byId.keySet(), first, last));
        if (byId.isEmpty()) {
            return List.of();
        }
        List<Click> decided = decide(byId.values(), first);
        writer.write(decided);
        return decided;
    }

    private List<Click> decide(Iterable<StreamedClick> clicks, Instant first) {
        Set<UUID> links = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (StreamedClick s : clicks) {
            if (!s.click().bot()) {
                links.add(s.click().assignmentId());
                keys.add(s.click().visitorKey());
                keys.add(s.previousVisitorKey());
            }
        }
        Map<VisitorOnLink, Instant> lastUnique = links.isEmpty() ? new LinkedHashMap<>()
                : store.lastUniqueClicks(links, keys, first.minus(RecentVisitors.WINDOW));
        List<Click> decided = new ArrayList<>();
        for (StreamedClick s : clicks) {
            Click c = s.click();
            boolean unique = false;
            if (!c.bot()) {
                VisitorOnLink today = new VisitorOnLink(c.assignmentId(), c.visitorKey());
                Instant previous = latest(lastUnique.get(today),
                        lastUnique.get(new VisitorOnLink(c.assignmentId(), s.previousVisitorKey())));
                unique = previous == null || !previous.isAfter(c.clickedAt().minus(RecentVisitors.WINDOW));
                if (unique) {
                    lastUnique.put(today, c.clickedAt());
                }
            }
            decided.add(new Click(c.transactionId(), c.clickedAt(), c.brandId(), c.offerId(), c.memberId(),
                    c.projectId(), c.assignmentId(), c.visitorKey(), c.userAgent(), c.referrer(), c.bot(), unique));
        }
        return decided;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : max(a, b);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
