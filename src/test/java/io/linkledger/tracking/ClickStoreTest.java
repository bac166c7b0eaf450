package io.linkledger.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import io.linkledger.support.ApiTest;

/**
 * Clicks stored and read back exactly, whatever their text: through the binary {@code COPY} on
 * PostgreSQL and the batched insert on H2 (the suite runs on both). NUL, which PostgreSQL cannot
 * store, is ClickCopyTest's.
 */
class ClickStoreTest extends ApiTest {

    @Autowired
    ClickStore store;

    @Autowired
    ClickRepository clicks;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void clicksComeBackAsTheyWereStored() {
        // The clicks table has no foreign keys (V7): any ids do.
        UUID offer = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        UUID assignment = UUID.randomUUID();
        String prefix = "st" + Long.toString(System.nanoTime(), 36);
        List<Click> written = List.of(
                new Click(prefix + "a", Instant.parse("2026-01-02T03:04:05.000607Z"), brand.id(), offer, member, null,
                        assignment, "a".repeat(64), "Mozilla/5.0 \\N back\\slash\ttab \"q\" ü€😀", null, false, true),
                new Click(prefix + "b", Instant.parse("1999-12-31T23:59:59.999999Z"), brand.id(), offer, member, offer,
                        assignment, "b".repeat(64), "tab\there", "https://ref.example/?q=a\nb\rc", true, false),
                new Click(prefix + "c", Instant.parse("2026-11-26T12:00:00Z"), brand.id(), offer, member, null,
                        assignment, "c".repeat(64), null, "", false, false));

        transactions.executeWithoutResult(status -> store.insert(written));

        List<Click> read = clicks.findByTransactionIds(written.stream().map(Click::transactionId).toList());
        assertThat(read).containsExactlyInAnyOrderElementsOf(written);
    }
}
