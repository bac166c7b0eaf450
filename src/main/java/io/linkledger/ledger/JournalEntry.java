package io.linkledger.ledger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A journal entry as the brand's accountant reads it: debits positive, credits negative. */
record JournalEntry(UUID id, String type, String reference, String description, String currency,
        Instant createdAt, List<EntryLine> lines) {

    record EntryLine(String account, UUID memberId, String amount) {
    }
}
