package io.linkledger.tracking;

import java.time.Duration;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import io.linkledger.members.Members;
import io.linkledger.offers.OfferChanged;
import io.linkledger.offers.Offers;
import io.linkledger.assignments.AssignmentChanged;
import io.linkledger.assignments.Assignments;

/**
 * Link codes resolved in memory, so a redirect does not read the database. A change on this
 * node drops the entry at once (after its transaction committed); changes made on other nodes
 * are seen when the entry expires, after {@code linkledger.tracking.link-cache-ttl}.
 * Unknown codes are cached too: scanners trying random codes do not reach the database.
 */
@Component
class LinkCache {

    private final LoadingCache<String, Optional<TrackedLink>> links;

    LinkCache(Assignments assignments, Offers offers, Members members,
            @Value("${linkledger.tracking.link-cache-ttl:30s}") Duration ttl,
            @Value("${linkledger.tracking.link-cache-size:100000}") long size) {
        // Cache upkeep runs on the calling thread, a little at a time, rather than as a task on the
        // common pool: on the redirect path a wake-up of another thread costs more than the upkeep.
        this.links = Caffeine.newBuilder()
                .executor(Runnable::run)
                .expireAfterWrite(ttl)
                .maximumSize(size)
                .build(code -> assignments.findByLinkCode(code)
                        .flatMap(a -> offers.find(a.offerId())
                                .map(offer -> TrackedLink.of(a, offer, members.get(a.brandId(), a.memberId()).name()))));
    }

    /** The link, or empty for an unknown code; throws when the database cannot be read. */
    Optional<TrackedLink> find(String code) {
        return links.get(code);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(OfferChanged event) {
        links.asMap().values().removeIf(link -> link.isPresent() && link.get().offer().id().equals(event.offerId()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(AssignmentChanged event) {
        links.invalidate(event.linkCode());
    }
}
