package io.linkledger.tracking;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;


/** What other features may ask about clicks. */
@Service
public class Clicks {

    private final ClickRepository repository;

    private final ClickRollups rollups;

    Clicks(ClickRepository repository, ClickRollups rollups) {
        this.repository = repository;
        this.rollups = rollups;
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
