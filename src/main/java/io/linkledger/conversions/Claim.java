package io.linkledger.conversions;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What an inbound request says happened, before attribution: parsed and checked for form
 * (amounts are numbers, dates are dates) but not yet tied to a member or offer.
 * {@code externalId} is the caller's id for it, the idempotency key within the integration;
 * {@code buyerEmail} is the buyer's email when the caller says it (a shop order, a postback's
 * {@code email}), for the self-referral rule.
 */
record Claim(String externalId, Conversion.Kind kind, String transactionId, UUID memberId, UUID offerId,
        List<String> promoCodes, String orderId, BigDecimal amount, BigDecimal networkCommission, String currency,
        ConversionStatus status, Instant convertedAt, boolean test, String buyerEmail) {
}
