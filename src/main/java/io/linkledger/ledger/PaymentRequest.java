package io.linkledger.ledger;

import java.util.List;
import java.util.UUID;

/**
 * {@code {items: [{memberId, amount?}], currency?, provider?}}. An item without an amount pays
 * everything the member is owed.
 */
record PaymentRequest(List<Item> items, String currency, String provider) {

    record Item(UUID memberId, String amount) {
    }
}
