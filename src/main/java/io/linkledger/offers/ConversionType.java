package io.linkledger.offers;

public enum ConversionType {
    SALE, LEAD, SIGNUP, INSTALL, CUSTOM
}
