package io.linkledger.conversions;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import io.linkledger.conversions.Conversion.Amounts;
import io.linkledger.conversions.Conversion.Credit;
import io.linkledger.conversions.Conversion.Source;
import io.linkledger.conversions.Conversion.State;
import io.linkledger.offers.Offer;
import io.linkledger.offers.OfferTermsService;
import io.linkledger.offers.PayoutType;
import io.linkledger.shared.Ids;
import io.linkledger.shared.Money;
import io.linkledger.assignments.Assignment;
import io.linkledger.tracking.ClickSpam;
import io.linkledger.tracking.Clicks;
import io.linkledger.tracking.Clicks.ClickCount;
import io.linkledger.assignments.PayoutTerms;

/**
 * Pay per click: once a day, each member on a CPC payout gets one conversion for the
 * previous UTC day's unique non-bot clicks, spam clicks ({@link ClickSpam}) left out. Keyed by
 * member and day, so a rerun adds nothing.
 */
@Component
class ClickAccrual {

    private static final Logger log = LoggerFactory.getLogger(ClickAccrual.class);

    private final OfferTermsService terms;
    private final OfferCache offers;
    private final Clicks clicks;
    private final ClickSpam spam;
    private final Attribution attribution;
    private final Conversions conversions;
    private final Ids ids;
    private final Clock clock;

    ClickAccrual(OfferTermsService terms, OfferCache offers, Clicks clicks, ClickSpam spam, Attribution attribution,
            Conversions conversions, Ids ids, Clock clock) {
        this.terms = terms;
        this.offers = offers;
        this.clicks = clicks;
        this.spam = spam;
        this.attribution = attribution;
        this.conversions = conversions;
        this.ids = ids;
        this.clock = clock;
    }

    @Scheduled(cron = "${linkledger.conversions.click-accrual-cron:0 10 0 * * *}", zone = "UTC")
    @SchedulerLock(name = "click-accrual",
            lockAtMostFor = "${linkledger.jobs.click-accrual.lock-at-most-for:${linkledger.jobs.lock-at-most-for:PT10M}}")
    void run() {
        int accrued = accrue(LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(1));
        log.info("Accrued pay-per-click commission for {} member(s)", accrued);
    }

    /** Accrues one UTC day; returns how many new conversions it made. */
    int accrue(LocalDate day) {
        Instant to = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        spam.sweep(); // spam clicks are taken out of the unique clicks paid below
        int made = 0;
        for (UUID offerId : terms.offersPayingPerClick()) {
            Offer offer = offers.find(offerId).orElseThrow().offer();
            for (ClickCount count : clicks.uniqueHumanClicks(offerId, day)) {
                Assignment assignment = attribution.assignmentOf(offer.brandId(), offerId, count.memberId());
                PayoutTerms payout = PayoutTerms.of(offer, assignment);
                if (payout.type() != PayoutType.CPC || payout.amount() == null) {
                    continue;
                }
                Money commission = new Money(Math.multiplyExact(payout.amount().minor(), count.clicks()),
                        offer.currency());
                Instant now = clock.instant();
                Conversion c = new Conversion(ids.next(), offer.brandId(),
                        new Credit(offerId, count.memberId(), assignment.id(), assignment.projectId(),
                                Conversion.AttributedBy.CLICKS, null, null, null),
                        new Source(null, "cpc:" + assignment.id() + ":" + day, Conversion.Kind.CPC, null, false,
                                to.minusSeconds(1)),
                        new Amounts(Money.zero(offer.currency()), commission, null, PayoutType.CPC),
                        new State(ConversionStatus.PENDING, count.clicks() + " unique clicks on " + day, null, now,
                                now));
                if (!conversions.create(c).duplicate()) {
                    made++;
                }
            }
        }
        return made;
    }
}
