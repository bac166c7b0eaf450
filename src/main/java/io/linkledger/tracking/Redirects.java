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

/**
 * The redirect rules: which link, which destination, and the click that is stored first. The
 * answer goes to a callback: at once when there is nothing to store, else from the click sink's
 * thread once the click is durable (or cannot be), so no thread waits for the commit.
 */
@Service
class Redirects {

    private static final Logger log = LoggerFactory.getLogger(Redirects.class);
    private static final int MAX_USER_AGENT = 512;
    private static final int MAX_REFERRER = 1024;

    private final LinkCache links;
    private final TransactionIds transactionIds;
    private final VisitorKeys visitorKeys;
    /** Empty in kafka mode: there the click stream's consumer decides which clicks are unique. */
    private final Optional<RecentVisitors> recentVisitors;
    private final BotDetector bots;
    private final ClickSink sink;
    private final Clock clock;

    Redirects(LinkCache links, TransactionIds transactionIds, VisitorKeys visitorKeys,
            Optional<RecentVisitors> recentVisitors,
            BotDetector bots, ClickSink sink, Clock clock) {
        this.links = links;
        this.transactionIds = transactionIds;
        this.visitorKeys = visitorKeys;
        this.recentVisitors = recentVisitors;
        this.bots = bots;
        this.sink = sink;
        this.clock = clock;
    }

    /** Where the answer goes. */
    interface Answer {

        /**
         * The answer the click will get once stored, told before it is handed to the sink, on the
         * request's thread: what can be written ahead is, so the sink's thread only has to send it.
         */
        void ahead(Redirect.Tracked tracked);

        /** The answer, exactly once: on the request's thread, or on the sink's after the commit. */
        void accept(Redirect outcome);
    }

    /** Decides the answer to a tracking link and gives it to {@code answer}. */
    void follow(String code, Visit visit, Answer answer) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Optional<TrackedLink> found;
        try {
            found = links.find(code);
        } catch (RuntimeException e) {
            log.debug("Could not resolve a link code, answering 503: {}", e.getMessage());
            answer.accept(new Redirect.Unavailable());
            return;
        }
        if (found.isEmpty()) {
            answer.accept(new Redirect.UnknownLink());
            return;
        }
        TrackedLink link = found.get();
        Offer offer = link.offer();
        if (!offer.type().hasLink() || offer.destinationUrl() == null) {
            answer.accept(new Redirect.UnknownLink());
        } else if (!offer.isLive(now)) {
            answer.accept(closed(link, now));
        } else {
            track(code, link, visit, now, answer);
        }
    }

    private void track(String code, TrackedLink link, Visit visit, Instant now, Answer answer) {
        Assignment a = link.assignment();
        boolean bot = bots.isBot(visit.userAgent());
        VisitorKeys.Keys keys;
        boolean unique;
        try {
            keys = visitorKeys.keys(visit.ip(), visit.userAgent(), now);
            unique = !bot && recentVisitors.isPresent() && recentVisitors.get().claimUnique(a.id(), keys, now);
        } catch (RuntimeException e) {
            log.debug("Visitor history of {} could not be read, answering 503: {}", a.offerId(), e.getMessage());
            answer.accept(new Redirect.Unavailable());
            return;
        }
        String transactionId = transactionIds.next();
        Macros.Template template = DeepLinks.allowed(visit.deepLink(), link.offer().deepLinkHosts())
                .map(Macros::compile)
                .orElse(link.destination());
        String location = template.expand(name -> link.macro(name, transactionId, now));
        Click click = new Click(transactionId, now, a.brandId(), a.offerId(), a.memberId(), a.projectId(), a.id(),
                keys.today(), cut(visit.userAgent(), MAX_USER_AGENT), cut(visit.referrer(), MAX_REFERRER), bot, unique);
        Redirect.Tracked tracked = new Redirect.Tracked(location, transactionId, link.offer().attributionWindowDays());
        answer.ahead(tracked);
        sink.append(new ClickSink.Clicked(code, click, keys), new ClickSink.Ack() {
            @Override
            public void stored() {
                answer.accept(tracked);
            }

            @Override
            public void notStored(ClickNotStored reason) {
                // Debug only: during an outage this happens for every request; the sink logs each failed flush.
                log.debug("Click on {} not stored, answering 503: {}", a.offerId(), reason.getMessage());
                if (unique) {
                    recentVisitors.get().release(a.id(), keys, now);
                }
                answer.accept(new Redirect.Unavailable());
            }
        });
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
