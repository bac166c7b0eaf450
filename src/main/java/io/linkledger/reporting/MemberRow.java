package io.linkledger.reporting;

import java.util.UUID;

import io.linkledger.shared.Money;

/** One line of an offer's member table: the member and their figures in the period. */
public record MemberRow(UUID memberId, String name, String email, long clicks, long uniqueClicks, long conversions,
        Money sales, Money commission) {

    /** Commission per human click, or null without clicks. */
    public String epc() {
        return Figures.perClick(commission, clicks);
    }
}
