package io.linkledger.tracking;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.linkledger.offers.Macros;
import io.linkledger.offers.Offer;
import io.linkledger.offers.OfferStatus;
import io.linkledger.assignments.Assignment;

/** The redirect rules: which link, which destination, and the click that is stored first. */
@Service
class Redirects {

    private static final Logger log = LoggerFactory.getLogger(Redirects.class);
    private static final int MAX_USER_AGENT = 512;
    private static final int MAX_REFERRER = 1024;

    private final LinkCache links;
    private final TransactionIds transactionIds;
    private final VisitorKeys visitorKeys;
    private final RecentVisitors recentVisitors;
    private final BotDetector bots;
    private final ClickBatcher batcher;
    private final Clock clock;

    Redirects(LinkCache links, TransactionIds transactionIds, VisitorKeys visitorKeys, RecentVisitors recentVisitors,
            BotDetector bots, ClickBatcher batcher, Clock clock) {
        this.links = links;
        this.transactionIds = transactionIds;
        this.visitorKeys = visitorKeys;
        this.recentVisitors = recentVisitors;
        this.bots = bots;
        this.batcher = batcher;
        this.clock = clock;
    }

    Redirect follow(String code, Visit visit) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Optional<TrackedLink> found;
        try {
            found = links.find(code);
        } catch (RuntimeException e) {
            log.debug("Could not resolve a link code, answering 503: {}", e.getMessage());
            return new Redirect.Unavailable();
        }
        if (found.isEmpty()) {
            return new Redirect.UnknownLink();
        }
        TrackedLink link = found.get();
        Offer offer = link.offer();
        if (!offer.type().hasLink() || offer.destinationUrl() == null) {
            return new Redirect.UnknownLink();
        }
        if (!offer.isLive(now)) {
            return closed(link, now);
        }
        try {
            return track(link, visit, now);
        } catch (ClickNotStored e) {
            // Debug only: during an outage this happens for every request; the batcher logs each failed flush.
            log.debug("Click on {} not stored, answering 503: {}", offer.id(), e.getMessage());
            return new Redirect.Unavailable();
        }
    }

    private Redirect track(TrackedLink link, Visit visit, Instant now) {
        Assignment a = link.assignment();
        boolean bot = bots.isBot(visit.userAgent());
        VisitorKeys.Keys keys;
        boolean unique;
        try {
            keys = visitorKeys.keys(visit.ip(), visit.userAgent(), now);
            unique = !bot && recentVisitors.claimUnique(a.id(), keys, now);
        } catch (RuntimeException e) {
            throw new ClickNotStored("visitor history could not be read", e);
        }
        String transactionId = transactionIds.next();
        Macros.Template template = DeepLinks.allowed(visit.deepLink(), link.offer().deepLinkHosts())
                .map(Macros::compile)
                .orElse(link.destination());
        String location = template.expand(name -> link.macro(name, transactionId, now));
        Click click = new Click(transactionId, now, a.brandId(), a.offerId(), a.memberId(), a.projectId(), a.id(),
                keys.today(), cut(visit.userAgent(), MAX_USER_AGENT), cut(visit.referrer(), MAX_REFERRER), bot, unique);
        try {
            batcher.store(click);
        } catch (ClickNotStored e) {
            if (unique) {
                recentVisitors.release(a.id(), keys, now);
            }
            throw e;
        }
        return new Redirect.Tracked(location, transactionId, link.offer().attributionWindowDays());
    }

    private Redirect closed(TrackedLink link, Instant now) {
        Offer offer = link.offer();
        if (offer.fallbackUrl() != null) {
            return new Redirect.Fallback(link.fallback().expand(name -> link.macro(name, "", now)));
        }
        String reason;
        if (offer.status() == OfferStatus.PAUSED) {
            reason = "This offer is paused at the moment. Please try again later.";
        } else if (offer.status() == OfferStatus.ARCHIVED || (offer.endsAt() != null && !now.isBefore(offer.endsAt()))) {
            reason = "This offer has ended.";
        } else {
            reason = "This offer has not started yet.";
        }
        return new Redirect.OfferClosed(reason);
    }

    private static String cut(String value, int max) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return value.length() <= max ? value : value.substring(0, max);
    }
}
