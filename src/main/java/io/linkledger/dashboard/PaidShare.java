package io.linkledger.dashboard;

/**
 * Shares what the ledger says a member was paid (per brand and currency) among the member's
 * offers, since payouts are per member and conversions per offer: first to each offer's
 * conversions already marked paid, then to its approved ones, oldest offer first. A part payment
 * marks no conversion paid until it covers one whole, so only the ledger's total is exact.
 */
final class PaidShare {

    private PaidShare() {
    }

    /**
     * {@code earned[i]} = approved + paid commission of offer i, {@code marked[i]} = its paid
     * commission, in the member's oldest-offer-first order; the paid amount of each offer.
     */
    static long[] allocate(long[] earned, long[] marked, long paid) {
        long[] share = new long[earned.length];
        long left = Math.max(0, paid);
        for (int i = 0; i < earned.length && left > 0; i++) {
            share[i] = Math.min(Math.max(0, Math.min(marked[i], earned[i])), left);
            left = Math.subtractExact(left, share[i]);
        }
        for (int i = 0; i < earned.length && left > 0; i++) {
            long more = Math.min(Math.max(0, Math.subtractExact(earned[i], share[i])), left);
            share[i] = Math.addExact(share[i], more);
            left = Math.subtractExact(left, more);
        }
        return share;
    }
}
