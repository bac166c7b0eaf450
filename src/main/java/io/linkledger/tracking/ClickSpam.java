package io.linkledger.tracking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import io.linkledger.brands.BrandSettingsService;
import io.linkledger.offers.OfferCapsService;
import io.linkledger.offers.Offers;
import io.linkledger.tracking.ClickSpamRepository.Burst;
import io.linkledger.tracking.ClickSpamRepository.Unflagged;

/**
 * Click spam: a visitor who clicks one member's link more often in a day than the offer allows
 * ({@code maxClicksPerVisitor}, the offer's or the brand's default). Its clicks stay in the gross
 * click counts; they are flagged ({@code clicks.is_spam}), the unique click among them is taken
 * back from the unique counts through the rollup queue (docs/rollups.md), so pay per click, which
 * pays unique clicks, does not pay it; and {@code click_spam} keeps what was flagged for reports.
 *
 * <p>It works on stored clicks, after the redirect answered, so it is the same for every click
 * backend: every few minutes, and right before pay-per-click accrual, it looks at the last two
 * days' clicks (a visitor key is one visitor's for one UTC day: the redirect salts it daily).
 */
@Component
public class ClickSpam {

    private static final Logger log = LoggerFactory.getLogger(ClickSpam.class);
    /** A day of visitor keys, and the day before for clicks stored late. */
    private static final Duration LOOK_BACK = Duration.ofDays(2);

    private final ClickSpamRepository repository;
    private final ClickRollupApplier rollups;
    private final Offers offers;
    private final OfferCapsService caps;
    private final BrandSettingsService brands;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ClickSpam(ClickSpamRepository repository, ClickRollupApplier rollups, Offers offers, OfferCapsService caps,
            BrandSettingsService brands, TransactionTemplate transactions, Clock clock) {
        this.repository = repository;
        this.rollups = rollups;
        this.offers = offers;
        this.caps = caps;
        this.brands = brands;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Flagged clicks of one member in one offer. */
    public record Flagged(UUID offerId, UUID memberId, long clicks) {
    }

    @Scheduled(fixedDelayString = "${linkledger.quality.click-spam-interval:PT5M}",
            initialDelayString = "${linkledger.quality.click-spam-interval:PT5M}")
    @SchedulerLock(name = "click-spam",
            lockAtMostFor = "${linkledger.jobs.click-spam.lock-at-most-for:${linkledger.jobs.lock-at-most-for:PT10M}}")
    void scheduled() {
        int flagged = sweep();
        if (flagged > 0) {
            log.info("Flagged {} click(s) as spam", flagged);
        }
    }

    /**
     * Flags the clicks of the last two days' visitors over their offer's limit; returns how many
     * clicks it flagged. Each visitor's link is flagged in its own transaction, so a rerun, or a
     * sweep on another node, flags nothing twice.
     */
    public int sweep() {
        Instant since = clock.instant().minus(LOOK_BACK);
        rollups.applyPending();
        int flagged = 0;
        // Rollup days are the brand's: a day earlier covers every time zone.
        for (UUID offerId : repository.offersClickedSince(LocalDate.ofInstant(since, ZoneOffset.UTC).minusDays(1))) {
            Integer max = offers.find(offerId).map(o -> caps.layers(o).effective().maxClicksPerVisitor()).orElse(null);
            if (max == null) {
                continue;
            }
            for (Burst burst : repository.bursts(offerId, since, max)) {
                flagged += transactions.execute(tx -> flag(burst, since));
            }
        }
        return flagged;
    }

    private int flag(Burst burst, Instant since) {
        List<Unflagged> clicks = repository.lockUnflagged(burst, since);
        if (clicks.isEmpty()) {
            return 0;
        }
        repository.flag(clicks.stream().map(Unflagged::transactionId).toList());
        Unflagged first = clicks.stream().min(Comparator.comparing(Unflagged::clickedAt)).orElseThrow();
        repository.record(burst, first, LocalDate.ofInstant(first.clickedAt(), ZoneOffset.UTC), clicks.size(),
                clock.instant());
        rollups.queue(clicks.stream().filter(Unflagged::unique)
                .map(c -> new ClickDelta(burst.assignmentId(),
                        LocalDate.ofInstant(c.clickedAt(), brands.timeZone(c.brandId())), c.brandId(), c.offerId(),
                        c.memberId(), 0, -1, 0))
                .toList());
        return clicks.size();
    }

    /** Flagged clicks of the brand's member, per offer. */
    public List<Flagged> ofMember(UUID brandId, UUID memberId) {
        return repository.ofMember(brandId, memberId);
    }

    /** Flagged clicks in the offer per member, on UTC days {@code from} to {@code to}. */
    public List<Flagged> ofOffer(UUID offerId, LocalDate from, LocalDate to) {
        return repository.ofOffer(offerId, from, to);
    }
}
