package io.linkledger.ledger;

import java.util.Currency;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import io.linkledger.shared.Money;
import io.linkledger.shared.ProblemException;
import io.linkledger.shared.Validation;

/**
 * Money in from the brand's linked card. A top-up is in the balance once the card payment
 * succeeded; while it is processing it shows as pending; a decline is a 402 with the bank's
 * reason; an outcome Stripe did not give is a 503 to retry with the same Idempotency-Key.
 */
@Service
public class CardTopUps {

    private final CardCharges charges;
    private final CardChargeRepository repository;
    private final PaymentMethods methods;
    private final Balances balances;
    private final LedgerSettings settings;

    CardTopUps(CardCharges charges, CardChargeRepository repository, PaymentMethods methods, Balances balances,
            LedgerSettings settings) {
        this.charges = charges;
        this.repository = repository;
        this.methods = methods;
        this.balances = balances;
        this.settings = settings;
    }

    /** The top-up as it stands, with the balance after it. */
    public record TopUp(CardCharge charge, Balance balance, Money pendingTopUps) {

        public boolean succeeded() {
            return charge.status() == CardCharge.Status.SUCCEEDED;
        }

        @Schema(name = "TopUp")
        record View(String available, String pending, String pendingTopUps, String currency, CardCharge.View topUp) {
        }

        View view() {
            return new View(balance.available().toDecimalString(), balance.pending().toDecimalString(),
                    pendingTopUps.toDecimalString(), balance.currency().getCurrencyCode(), charge.view());
        }
    }

    public TopUp topUp(UUID brandId, AmountRequest request, String idempotencyKey) {
        Validation v = new Validation();
        v.check(!Validation.isBlank(idempotencyKey), "Idempotency-Key", "header is required");
        v.check(idempotencyKey == null || idempotencyKey.length() <= 150, "Idempotency-Key",
                "must be at most 150 characters");
        Currency currency = Amounts.currency(request.currency(), settings.defaultCurrency(), v, "currency");
        Money amount = Amounts.positive(request.amount(), currency, v, "amount");
        v.throwIfInvalid();
        CardCharge charge = charges.charge(brandId, CardCharge.Purpose.TOP_UP, idempotencyKey.trim(), amount,
                "Balance top-up");
        return switch (charge.status()) {
            case SUCCEEDED, PROCESSING -> new TopUp(charge, balances.get(brandId, currency),
                    new Money(repository.processing(brandId, currency), currency));
            case DECLINED -> throw declined(methods.find(brandId, charge.paymentMethodId()), charge);
            case REFUSED -> throw ProblemException.conflict("The card could not be charged: "
                    + charge.failureReason());
            case UNKNOWN -> throw unknown(amount);
        };
    }

    public List<CardCharge> list(UUID brandId) {
        return repository.list(brandId, 50);
    }

    static ProblemException declined(PaymentMethod card, CardCharge charge) {
        return new ProblemException(HttpStatus.PAYMENT_REQUIRED, "Charging the card ending in " + card.last4()
                + " for " + charge.amount() + " was declined: " + charge.failureReason());
    }

    static ProblemException unknown(Money amount) {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "Stripe did not confirm the card payment of "
                + amount + "; nothing was added to the balance. Try again with the same Idempotency-Key: it finds "
                + "the same card payment and never charges twice.");
    }
}
