package io.linkledger.ledger;

import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

import io.linkledger.conversions.MoneyChange;
import io.linkledger.conversions.ConversionStatus;

/** What the books hold for one conversion, in minor units. */
record BookedConversion(UUID conversionId, UUID brandId, UUID memberId, Currency currency, ConversionStatus status,
        long pendingMember, long bookedMember, long bookedNetwork, Instant approvedAt, UUID remittanceId) {

    static BookedConversion none(MoneyChange event, Currency currency) {
        return new BookedConversion(event.conversionId(), event.brandId(), event.memberId(), currency, null, 0, 0, 0,
                null, null);
    }
}
