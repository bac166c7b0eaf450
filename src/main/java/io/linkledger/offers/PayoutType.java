package io.linkledger.offers;

/** CPC pays per unique click, CPA a flat amount per conversion, CPS a percent of the sale. */
public enum PayoutType {
    CPC, CPA, CPS, CPA_CPS;

    public boolean needsAmount() {
        return this != CPS;
    }

    public boolean needsPercent() {
        return this == CPS || this == CPA_CPS;
    }
}
