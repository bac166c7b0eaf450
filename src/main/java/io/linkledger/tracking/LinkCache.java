package io.linkledger.tracking;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import io.linkledger.assignments.AssignmentChanged;
import io.linkledger.assignments.Assignments;
import io.linkledger.members.Members;
import io.linkledger.offers.OfferChanged;
import io.linkledger.offers.Offers;
import io.linkledger.shared.Invalidations;

/**
 * Link codes resolved in memory, so a redirect does not read the database. A change of an offer or
 * an assignment, made on any node, drops the entries it affects as soon as it is committed (see
 * {@link Invalidations}); {@code linkledger.tracking.link-cache-ttl} bounds the age of an entry
 * whose announcement was lost. Unknown codes are cached too: scanners trying random codes do not
 * reach the database.
 */
@Component
class LinkCache {

    private final LoadingCache<String, Optional<TrackedLink>> links;

    LinkCache(Assignments assignments, Offers offers, Members members, Invalidations invalidations,
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
        invalidations.subscribe(OfferChanged.INVALIDATIONS, this::offerChanged, links::invalidateAll);
        invalidations.subscribe(AssignmentChanged.INVALIDATIONS, links::invalidate, links::invalidateAll);
    }

    /** The link, or empty for an unknown code; throws when the database cannot be read. */
    Optional<TrackedLink> find(String code) {
        return links.get(code);
    }

    private void offerChanged(String offerId) {
        UUID id = UUID.fromString(offerId);
        links.asMap().values().removeIf(link -> link.isPresent() && link.get().offer().id().equals(id));
    }
}
