package io.linkledger.ledger;

import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.linkledger.audit.AuditEntry;
import io.linkledger.audit.AuditTrail;
import io.linkledger.shared.Money;
import io.linkledger.shared.Validation;

/** The brand's balance and the money it puts in by bank transfer. */
@Service
public class Balances {

    private final Journal journal;
    private final CardChargeRepository cardCharges;
    private final LedgerSettings settings;
    private final AuditTrail audit;

    Balances(Journal journal, CardChargeRepository cardCharges, LedgerSettings settings, AuditTrail audit) {
        this.audit = audit;
        this.journal = journal;
        this.cardCharges = cardCharges;
        this.settings = settings;
    }

    public Balance get(UUID brandId, Currency currency) {
        return new Balance(new Money(journal.balance(brandId, currency, AccountKind.BRAND_CASH), currency),
                new Money(journal.balance(brandId, currency, AccountKind.BRAND_CASH_PENDING), currency),
                new Money(cardCharges.processing(brandId, currency), currency));
    }

    public Currency currencyOrDefault(String code) {
        Validation v = new Validation();
        Currency currency = Amounts.currency(code, settings.defaultCurrency(), v, "currency");
        v.throwIfInvalid();
        return currency;
    }

    /**
     * Manual funding (a bank transfer the brand made). With an idempotency key, a retried
     * request books once.
     */
    @Transactional
    public Balance fund(UUID brandId, AmountRequest request, String idempotencyKey) {
        Validation v = new Validation();
        Currency currency = Amounts.currency(request.currency(), settings.defaultCurrency(), v, "currency");
        Money amount = Amounts.positive(request.amount(), currency, v, "amount");
        v.check(request.reference() == null || request.reference().length() <= 100, "reference",
                "must be at most 100 characters");
        v.check(idempotencyKey == null || idempotencyKey.length() <= 150, "Idempotency-Key",
                "must be at most 150 characters");
        v.throwIfInvalid();
        String key = idempotencyKey == null ? null : "funding:" + idempotencyKey;
        if (key != null && journal.alreadyPosted(brandId, key, amount.minor(), "funding")) {
            return get(brandId, currency);
        }
        UUID entryId = journal.post(brandId, currency, EntryType.FUNDING, request.reference(), "Manual funding", key,
                List.of(Line.debit(AccountKind.BRAND_CASH, amount.minor()),
                        Line.credit(AccountKind.FUNDING, amount.minor())));
        audit.record(AuditEntry.of(brandId, "funding.recorded", "funding", entryId)
                .change(null, new AuditedFunding(amount, request.reference())));
        return get(brandId, currency);
    }
}
