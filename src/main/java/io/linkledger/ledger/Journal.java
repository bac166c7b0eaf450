package io.linkledger.ledger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.linkledger.shared.Ids;
import io.linkledger.shared.Money;
import io.linkledger.shared.Page;
import io.linkledger.shared.ProblemException;

/**
 * The only writer of the books: every movement is one balanced entry, so balances (sums of
 * lines) can never drift from the entries that explain them.
 */
@Service
class Journal {

    private final JournalRepository repository;
    private final Ids ids;
    private final Clock clock;

    Journal(JournalRepository repository, Ids ids, Clock clock) {
        this.repository = repository;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Posts one entry. Lines on the same account are merged and zero lines dropped; an entry
     * left with no lines is not written. Returns the entry id, or null when nothing was written.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    UUID post(UUID brandId, Currency currency, EntryType type, String reference, String description,
            String idempotencyKey, List<Line> lines) {
        long sum = 0;
        for (Line line : lines) {
            sum = Math.addExact(sum, line.amount());
        }
        if (sum != 0) {
            throw new IllegalStateException("Unbalanced " + type + " entry: lines sum to " + sum);
        }
        Map<UUID, Long> byAccount = new LinkedHashMap<>();
        for (Line line : lines) {
            if (line.amount() != 0) {
                byAccount.merge(account(brandId, currency, line.kind(), line.memberId()), line.amount(), Math::addExact);
            }
        }
        byAccount.values().removeIf(amount -> amount == 0);
        if (byAccount.isEmpty()) {
            return null;
        }
        List<UUID> accounts = new ArrayList<>(byAccount.keySet());
        accounts.sort(Comparator.naturalOrder());
        List<Long> amounts = accounts.stream().map(byAccount::get).toList();
        UUID id = ids.next();
        // A provider's reason can be long; the entry keeps what fits.
        String text = description == null || description.length() <= 300 ? description : description.substring(0, 300);
        repository.insertEntry(id, brandId, currency, type, reference, text, idempotencyKey, clock.instant(),
                accounts, amounts);
        return id;
    }

    UUID account(UUID brandId, Currency currency, AccountKind kind, UUID memberId) {
        return repository.findAccount(brandId, currency, kind, memberId).orElseGet(() -> {
            repository.insertAccount(ids.next(), brandId, currency, kind, memberId, clock.instant());
            return repository.findAccount(brandId, currency, kind, memberId).orElseThrow();
        });
    }

    /** Locks the brand's cash account for this transaction and answers its balance as of the lock. */
    @Transactional(propagation = Propagation.MANDATORY)
    Money lockCash(UUID brandId, Currency currency) {
        UUID cash = account(brandId, currency, AccountKind.BRAND_CASH, null);
        repository.lock(cash);
        return new Money(repository.balance(cash), currency);
    }

    /** The lines of the entries of this type posted for {@code reference}, to reverse them. */
    List<Line> lines(UUID brandId, EntryType type, String reference) {
        return repository.lines(brandId, type, reference);
    }

    long balance(UUID brandId, Currency currency, AccountKind kind) {
        return repository.balance(brandId, currency, kind);
    }

    /** Member id → what the brand owes the member (the payable's credit balance), possibly negative. */
    Map<UUID, Long> owedByMember(UUID brandId, Currency currency) {
        Map<UUID, Long> owed = new LinkedHashMap<>();
        repository.memberBalances(brandId, currency).forEach((member, balance) -> owed.put(member, -balance));
        return owed;
    }

    /** What the brand owes the member now (the payable's credit balance), possibly negative. */
    Money owed(UUID brandId, Currency currency, UUID memberId) {
        long owed = repository.findAccount(brandId, currency, AccountKind.MEMBER_PAYABLE, memberId)
                .map(account -> -repository.balance(account))
                .orElse(0L);
        return new Money(owed, currency);
    }

    /**
     * True when an entry with this idempotency key was already posted for the same amount; a
     * 422 problem when the key was used for a different amount; false when the key is new.
     */
    boolean alreadyPosted(UUID brandId, String idempotencyKey, long amount, String usedFor) {
        Optional<Long> posted = repository.entryAmount(brandId, idempotencyKey);
        if (posted.isPresent() && posted.get() != amount) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY,
                    "Idempotency-Key was already used for a different " + usedFor);
        }
        return posted.isPresent();
    }

    Page<JournalEntry> entries(UUID brandId, int limit, int offset) {
        return new Page<>(repository.entries(brandId, limit, offset), repository.countEntries(brandId), limit, offset);
    }

    /** For audits and tests: every entry of the brand balances and all its lines sum to zero. */
    boolean balances(UUID brandId, Currency currency) {
        return repository.unbalancedEntries(brandId).isEmpty() && repository.total(brandId, currency) == 0;
    }
}
