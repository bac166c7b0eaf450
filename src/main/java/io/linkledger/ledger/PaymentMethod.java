package io.linkledger.ledger;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/** A brand's linked card: the processor's references and what a person needs to recognise it. */
public record PaymentMethod(UUID id, UUID brandId, String processor, String customerRef, String paymentMethodRef,
        String cardBrand, String last4, Integer expMonth, Integer expYear, String status, Instant createdAt) {

    /** The published OpenAPI schema is named for what it shows. */
    @Schema(name = "PaymentMethod")
    record View(UUID id, String processor, String cardBrand, String last4, Integer expMonth, Integer expYear,
            String status, Instant createdAt) {
    }

    View view() {
        return new View(id, processor, cardBrand, last4, expMonth, expYear, status, createdAt);
    }
}
