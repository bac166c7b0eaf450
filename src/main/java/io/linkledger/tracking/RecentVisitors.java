package io.linkledger.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Decides whether a human click is unique: the first of that visitor on that link in 24 hours.
 * The answer comes from memory; only a visitor not seen on this node asks the database, once,
 * through the (assignment_id, visitor_key, clicked_at) index. Across nodes it is exact when the
 * load balancer keeps a visitor on one node, and close otherwise. Database mode only: in kafka mode
 * the click stream's consumer decides, exactly, with {@link ClickStreamWriter}.
 */
@Component
@ConditionalOnProperty(name = EventsBackend.PROPERTY, havingValue = "database", matchIfMissing = true)
class RecentVisitors {

    static final Duration WINDOW = Duration.ofHours(24);

    private record Key(UUID assignmentId, String visitorKey) {
    }

    /** The time of the visitor's last unique click on the link; null when there is none in the window. */
    private static final class LastUnique {
        Instant at;

        LastUnique(Instant at) {
            this.at = at;
        }
    }

    private final ClickStore store;
    private final Cache<Key, LastUnique> visitors;

    RecentVisitors(ClickStore store, @Value("${linkledger.tracking.visitor-cache-size:500000}") long size) {
        this.store = store;
        // Cache upkeep runs on the calling thread, a little at a time, rather than as a task on the
        // common pool: on the redirect path a wake-up of another thread costs more than the upkeep.
        this.visitors = Caffeine.newBuilder().expireAfterAccess(WINDOW).maximumSize(size).executor(Runnable::run)
                .build();
    }

    /** Whether this click opens a new 24-hour window; if so it is remembered as the visitor's unique click. */
    boolean claimUnique(UUID assignmentId, VisitorKeys.Keys keys, Instant at) {
        LastUnique last = visitors.get(new Key(assignmentId, keys.today()), key -> new LastUnique(
                store.lastUniqueClick(assignmentId, keys.today(), keys.yesterday().get(), at.minus(WINDOW)).orElse(null)));
        synchronized (last) {
            if (last.at != null && last.at.isAfter(at.minus(WINDOW))) {
                return false;
            }
            last.at = at;
            return true;
        }
    }

    /** Takes back a claim whose click was not stored, so the visitor's next click can be the unique one. */
    void release(UUID assignmentId, VisitorKeys.Keys keys, Instant at) {
        LastUnique last = visitors.getIfPresent(new Key(assignmentId, keys.today()));
        if (last != null) {
            synchronized (last) {
                if (at.equals(last.at)) {
                    last.at = null;
                }
            }
        }
    }
}
