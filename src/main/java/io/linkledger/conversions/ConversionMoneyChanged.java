package io.linkledger.conversions;

import java.util.List;

/**
 * Published synchronously, inside the transaction that made them, with every conversion money
 * change of one step: one change for an approval or a reversal, all of a postback batch's new
 * conversions at once. The ledger books from these, so money and conversions commit or roll back
 * together, with a few statements for a whole batch; changes are booked in this order.
 */
public record ConversionMoneyChanged(List<MoneyChange> changes) {

    public ConversionMoneyChanged {
        changes = List.copyOf(changes);
    }

    public static ConversionMoneyChanged of(MoneyChange change) {
        return new ConversionMoneyChanged(List.of(change));
    }
}
