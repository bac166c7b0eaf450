package io.linkledger.ledger;

import java.math.BigDecimal;

import io.linkledger.shared.ProblemException;

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
            // Only amounts booked before every amount was limited can add up to this: say which way out there is.
            throw ProblemException.conflict("The books hold amounts that add up to more than the ledger can hold ("
                    + sum.toPlainString() + " minor units): an amount recorded before amounts were limited. Void the "
                    + "wrong remittance (POST /api/v1/remittances/{id}/void) to take it out of the books.");
        }
    }
}
