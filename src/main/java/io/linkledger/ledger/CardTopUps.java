package io.linkledger.ledger;

import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.linkledger.shared.Money;
import io.linkledger.shared.ProblemException;
import io.linkledger.shared.Tokens;
import io.linkledger.shared.Validation;

/** Money in from the brand's linked card: an explicit top-up, or a payment's shortfall. */
@Service
class CardTopUps {

    private final PaymentMethods methods;
    private final Journal journal;
    private final Balances balances;
    private final LedgerSettings settings;

    CardTopUps(PaymentMethods methods, Journal journal, Balances balances, LedgerSettings settings) {
        this.methods = methods;
        this.journal = journal;
        this.balances = balances;
        this.settings = settings;
    }

    @Transactional
    public Balance topUp(UUID brandId, AmountRequest request, String idempotencyKey) {
        Validation v = new Validation();
        v.check(!Validation.isBlank(idempotencyKey), "Idempotency-Key", "header is required");
        v.check(idempotencyKey == null || idempotencyKey.length() <= 150, "Idempotency-Key",
                "must be at most 150 characters");
        Currency currency = Amounts.currency(request.currency(), settings.defaultCurrency(), v, "currency");
        Money amount = Amounts.positive(request.amount(), currency, v, "amount");
        v.throwIfInvalid();
        String key = "top-up:" + idempotencyKey;
        if (journal.alreadyPosted(brandId, key, amount.minor(), "top-up")) {
            return balances.get(brandId, currency);
        }
        PaymentMethod card = methods.active(brandId).orElseThrow(() -> ProblemException.conflict(
                "No card is linked; link one with POST /api/v1/payment-methods first"));
        charge(brandId, card, amount, key, "Balance top-up");
        return balances.get(brandId, currency);
    }

    /** Charges the linked card for a shortfall; empty when the brand has no card. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Money> chargeShortfall(UUID brandId, Money shortfall, String key) {
        Optional<PaymentMethod> card = methods.active(brandId);
        if (card.isEmpty()) {
            return Optional.empty();
        }
        charge(brandId, card.get(), shortfall, "shortfall:" + key, "Top-up for a payment to members");
        return Optional.of(shortfall);
    }

    private void charge(UUID brandId, PaymentMethod card, Money amount, String key, String description) {
        String chargeId;
        try {
            // Stripe keeps idempotency keys per account, so they are scoped to the brand here.
            chargeId = methods.processor().charge(card, amount,
                    "ll-" + Tokens.sha256(brandId + ":" + key + ":" + amount.minor()), description);
        } catch (CardProcessor.CardDeclined e) {
            throw new ProblemException(HttpStatus.PAYMENT_REQUIRED, "Charging the card ending in " + card.last4()
                    + " for " + amount + " failed: " + e.getMessage() + " (" + e.code() + ")");
        }
        journal.post(brandId, amount.currency(), EntryType.CARD_TOP_UP, chargeId, description + " by card "
                + card.last4(), key, List.of(Line.debit(AccountKind.BRAND_CASH, amount.minor()),
                        Line.credit(AccountKind.CARD_FUNDING, amount.minor())));
    }
}
