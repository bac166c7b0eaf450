package io.linkledger.conversions;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A member's sales in an offer from the start of a UTC month up to {@code at}, what monthly volume
 * tiers place a new sale by: live (not reversed), real (not test) conversions, but never
 * {@code except} (the conversion being priced again; null for a new one).
 */
record MonthToDate(UUID offerId, UUID memberId, Instant at, UUID except) {

    Instant from() {
        return YearMonth.from(at.atZone(ZoneOffset.UTC)).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Whether {@code c} is among these sales; the repository's query asks the same of stored rows. */
    boolean counts(Conversion c) {
        return c != null && c.credit().offerId().equals(offerId) && c.credit().memberId().equals(memberId)
                && c.state().status().counts() && !c.source().test()
                && !c.id().equals(except) && !c.source().convertedAt().isBefore(from())
                && !c.source().convertedAt().isAfter(at);
    }

    long salesOf(Conversion c) {
        return counts(c) ? c.amounts().sale().minor() : 0;
    }
}
