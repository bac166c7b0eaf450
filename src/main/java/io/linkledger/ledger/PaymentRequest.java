package io.linkledger.ledger;

import java.util.List;
import java.util.UUID;

/**
 * {@code {items: [{memberId, amount?}], currency?, provider?}}. An item without an amount pays
 * everything the member is owed.
 */
public record PaymentRequest(List<Item> items, String currency, String provider) {

    public record Item(UUID memberId, String amount) {
    }
}
