package io.linkledger.ledger;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.linkledger.brands.Brands;
import io.linkledger.shared.Ids;
import io.linkledger.shared.ProblemException;
import io.linkledger.shared.Validation;

/** The brand's linked card (one active at a time; linking a new one replaces the old). */
@Service
class PaymentMethods {

    private final PaymentMethodRepository repository;
    private final CardProcessor processor;
    private final Brands brands;
    private final Ids ids;
    private final Clock clock;

    PaymentMethods(PaymentMethodRepository repository, CardProcessor processor, Brands brands, Ids ids, Clock clock) {
        this.repository = repository;
        this.processor = processor;
        this.brands = brands;
        this.ids = ids;
        this.clock = clock;
    }

    record LinkRequest(String paymentMethodId) {
    }

    @Transactional
    public PaymentMethod link(UUID brandId, LinkRequest request) {
        Validation v = new Validation();
        String ref = request.paymentMethodId() == null ? null : request.paymentMethodId().trim();
        v.check(!Validation.isBlank(ref), "paymentMethodId", "is required (a saved card, e.g. Stripe's pm_...)");
        v.check(ref == null || ref.length() <= 100, "paymentMethodId", "must be at most 100 characters");
        v.throwIfInvalid();
        if (!processor.configured()) {
            throw new ProblemException(HttpStatus.CONFLICT, "Card payments are not configured on this server");
        }
        String brandName = brands.find(brandId).map(b -> b.name()).orElse(brandId.toString());
        CardProcessor.LinkedCard card;
        try {
            card = processor.link(brandName, ref);
        } catch (CardProcessor.CardDeclined e) {
            throw ProblemException.invalid("paymentMethodId", e.getMessage());
        }
        repository.deactivateAll(brandId);
        PaymentMethod method = new PaymentMethod(ids.next(), brandId, processor.name(), card.customerRef(),
                card.paymentMethodRef(), card.cardBrand(), card.last4(), card.expMonth(), card.expYear(), "ACTIVE",
                clock.instant());
        repository.insert(method);
        return method;
    }

    public List<PaymentMethod> list(UUID brandId) {
        return repository.list(brandId);
    }

    public Optional<PaymentMethod> active(UUID brandId) {
        return repository.active(brandId);
    }

    @Transactional
    public void remove(UUID brandId, UUID id) {
        PaymentMethod method = repository.find(brandId, id)
                .orElseThrow(() -> ProblemException.notFound("Payment method", id));
        if ("ACTIVE".equals(method.status())) {
            repository.deactivate(id);
            try {
                processor.unlink(method);
            } catch (CardProcessor.CardDeclined e) {
                // Already gone at the processor; ours is removed either way.
            }
        }
    }

    CardProcessor processor() {
        return processor;
    }
}
