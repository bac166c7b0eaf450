package io.linkledger.offers;

/** Whether members promote the offer with a tracking link, a promo code, or both. */
public enum OfferType {
    LINK, PROMO_CODE, LINK_AND_CODE;

    public boolean hasLink() {
        return this != PROMO_CODE;
    }

    public boolean hasCode() {
        return this != LINK;
    }
}
