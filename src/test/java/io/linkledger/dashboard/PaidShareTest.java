package io.linkledger.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PaidShareTest {

    @Test
    void partPaymentOfOneOfferIsAllPaidThere() {
        // 10.00 and 90.00 approved; 60.00 paid covered only the 10.00 conversion whole.
        assertThat(PaidShare.allocate(new long[] {10000}, new long[] {1000}, 6000)).containsExactly(6000);
    }

    @Test
    void paidMoneyGoesFirstToConversionsMarkedPaidThenToTheOldestOffer() {
        long[] earned = {5000, 3000, 2000};
        long[] marked = {0, 3000, 0};
        assertThat(PaidShare.allocate(earned, marked, 4000)).containsExactly(1000, 3000, 0);
        assertThat(PaidShare.allocate(earned, marked, 9500)).containsExactly(5000, 3000, 1500);
    }

    @Test
    void nothingIsPaidBeyondWhatWasEarnedOrWhenNothingWasPaid() {
        assertThat(PaidShare.allocate(new long[] {1000}, new long[] {0}, 5000)).containsExactly(1000);
        assertThat(PaidShare.allocate(new long[] {1000, 500}, new long[] {0, 0}, 0)).containsExactly(0, 0);
        assertThat(PaidShare.allocate(new long[] {1000}, new long[] {0}, -300)).containsExactly(0);
    }
}
