package io.linkledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

class BusinessDaysTest {

    @Test
    void shareASalePaysOnTheTwentiethOrTheNextBusinessDay() {
        assertThat(BusinessDays.shareASalePayDay(YearMonth.of(2026, 10))).isEqualTo(LocalDate.of(2026, 11, 20));
        // 20 September 2026 is a Sunday, 20 June 2026 a Saturday.
        assertThat(BusinessDays.shareASalePayDay(YearMonth.of(2026, 8))).isEqualTo(LocalDate.of(2026, 9, 21));
        assertThat(BusinessDays.shareASalePayDay(YearMonth.of(2026, 5))).isEqualTo(LocalDate.of(2026, 6, 22));
        assertThat(BusinessDays.shareASalePayDay(YearMonth.of(2026, 12))).isEqualTo(LocalDate.of(2027, 1, 20));
    }

    @Test
    void businessDaysSkipWeekends() {
        LocalDate friday = LocalDate.of(2026, 11, 20);
        assertThat(BusinessDays.plus(friday, 3)).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(BusinessDays.plus(friday, 1)).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(BusinessDays.plus(friday, 0)).isEqualTo(friday);
        assertThat(BusinessDays.plus(LocalDate.of(2026, 11, 21), 1)).isEqualTo(LocalDate.of(2026, 11, 23));
    }
}
