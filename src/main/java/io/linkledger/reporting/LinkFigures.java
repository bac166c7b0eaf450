package io.linkledger.reporting;

import io.linkledger.shared.Money;

/** One member's figures in one offer over a period: what their tracking link or code brought. */
public record LinkFigures(long clicks, long uniqueClicks, long conversions, Money sales, Money commission) {

    /** Commission per human click, or null without clicks. */
    public String epc() {
        return Figures.perClick(commission, clicks);
    }
}
