package io.linkledger.conversions;

import java.util.List;

/**
 * Several {@link ConversionMoneyChanged} from one transaction, published once instead of one by
 * one (a batch of postbacks), so the ledger books them with a few statements for all. Handled
 * exactly as the same events one after the other, in this order.
 */
public record ConversionsMoneyChanged(List<ConversionMoneyChanged> changes) {

    public ConversionsMoneyChanged {
        changes = List.copyOf(changes);
    }
}
