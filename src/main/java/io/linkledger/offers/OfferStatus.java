package io.linkledger.offers;

public enum OfferStatus {
    ACTIVE, PAUSED, ARCHIVED
}
