package io.linkledger.ledger;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;

/** Monday to Friday arithmetic. Bank holidays are not modelled. */
final class BusinessDays {

    private BusinessDays() {
    }

    static boolean isBusinessDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The day itself if it is a business day, else the next one. */
    static LocalDate onOrAfter(LocalDate day) {
        LocalDate d = day;
        while (!isBusinessDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** {@code days} business days after {@code day}: Friday plus 3 is Wednesday. */
    static LocalDate plus(LocalDate day, int days) {
        LocalDate d = day;
        for (int left = days; left > 0; ) {
            d = d.plusDays(1);
            if (isBusinessDay(d)) {
                left--;
            }
        }
        return d;
    }

    /** ShareASale pays the previous month's locked transactions on the 20th, or the next business day. */
    static LocalDate shareASalePayDay(YearMonth period) {
        return onOrAfter(period.plusMonths(1).atDay(20));
    }
}
