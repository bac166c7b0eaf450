package io.linkledger.tracking;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;


/** What other features may ask about clicks. */
@Service
public class Clicks {

    private final ClickRepository repository;

    private final ClickRollups rollups;

    /** How long a postback waits for its click to be stored; zero in database mode, where a 302 means it is. */
    private final Duration clickWait;

    private final Duration pollInterval;

    Clicks(ClickRepository repository, ClickRollups rollups, EventsBackend backend,
            @Value("${linkledger.events.postback-click-wait:10s}") Duration clickWait,
            @Value("${linkledger.events.postback-click-poll:100ms}") Duration pollInterval) {
        this.repository = repository;
        this.rollups = rollups;
        this.clickWait = backend == EventsBackend.KAFKA ? clickWait : Duration.ZERO;
        this.pollInterval = pollInterval;
    }

    /**
     * Waits, up to {@code linkledger.events.postback-click-wait}, until the click with this
     * transaction id is stored. In kafka mode the redirect answers once Kafka has the click and a
     * consumer stores it a moment later, so a conversion reported at once (a test purchase, a quick
     * shop) may arrive before its click: it is held back rather than refused as an unknown
     * transaction id. Returns at once in database mode, for an id this application cannot have
     * made, or when the click is there.
     */
    public void awaitClick(String transactionId) {
        if (clickWait.isZero() || !TransactionIds.couldBeOurs(transactionId)) {
            return;
        }
        long deadline = System.nanoTime() + clickWait.toNanos();
        while (repository.findByTransactionId(transactionId).isEmpty() && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(pollInterval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The click a network's postback refers to by the transaction id we gave it. */
    public Optional<Click> findByTransactionId(String transactionId) {
        return repository.findByTransactionId(transactionId);
    }

    /** Unique, non-bot clicks of an offer on a UTC day, per assignment: what pays per click. */
    public List<ClickCount> uniqueHumanClicks(UUID offerId, LocalDate day) {
        return rollups.uniqueHumanClicks(offerId, day);
    }

    /** How many clicks one member's link in an offer got. */
    public record ClickCount(UUID assignmentId, UUID memberId, long clicks) {
    }

    /** The clicks among these transaction ids, by transaction id: one query for a batch of postbacks. */
    public Map<String, Click> findByTransactionIds(Collection<String> transactionIds) {
        Map<String, Click> found = new HashMap<>();
        repository.findByTransactionIds(transactionIds).forEach(c -> found.put(c.transactionId(), c));
        return found;
    }
}
