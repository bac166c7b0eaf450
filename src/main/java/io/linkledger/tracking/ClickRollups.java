package io.linkledger.tracking;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

/**
 * Click counts per UTC day, read from the rollups: exact (counts still queued by the click
 * batcher are applied first), and cheap however many raw clicks there are.
 * {@code clicks} are human gross clicks; bots are counted apart.
 */
@Service
public class ClickRollups {

    public record Day(LocalDate day, long clicks, long uniqueClicks, long botClicks) {
    }

    public record MemberCounts(UUID memberId, long clicks, long uniqueClicks, long botClicks) {
    }

    private final ClickRollupRepository repository;
    private final ClickRollupApplier applier;

    ClickRollups(ClickRollupRepository repository, ClickRollupApplier applier) {
        this.repository = repository;
        this.applier = applier;
    }

    /** The offer's days with clicks between {@code from} and {@code to}, both inclusive, oldest first. */
    public List<Day> offerDays(UUID offerId, LocalDate from, LocalDate to) {
        applier.applyPending();
        return repository.offerDays(offerId, from, to);
    }

    /**
     * The offer's click counts per member between {@code from} and {@code to}, both inclusive, in no
     * particular order; members without clicks (human or bot) then are left out. Reads at most two
     * rows per member, however long the period.
     */
    public List<MemberCounts> offerMembers(UUID offerId, LocalDate from, LocalDate to) {
        applier.applyPending();
        return repository.offerMembers(offerId, from, to);
    }

    /** One tracking link's days with clicks between {@code from} and {@code to}, both inclusive, oldest first. */
    public List<Day> linkDays(UUID assignmentId, LocalDate from, LocalDate to) {
        applier.applyPending();
        return repository.linkDays(assignmentId, from, to);
    }
}
