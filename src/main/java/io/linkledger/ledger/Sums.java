package io.linkledger.ledger;

import java.math.BigDecimal;

/**
 * SQL sums of minor units come back as exact numbers (PostgreSQL's sum of bigint is numeric);
 * they are read as {@code long} only when they fit, never wrapped around.
 */
final class Sums {

    private Sums() {
    }

    static long exact(BigDecimal sum) {
        if (sum == null) {
            return 0;
        }
        try {
            return sum.longValueExact();
        } catch (ArithmeticException e) {
            throw new ArithmeticException("A ledger sum of " + sum.toPlainString()
                    + " minor units exceeds what the ledger can hold");
        }
    }
}
