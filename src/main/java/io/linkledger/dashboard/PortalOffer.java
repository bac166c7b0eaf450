package io.linkledger.dashboard;

/** One offer in the Creator Portal list. {@code dashboardPath} is null when the brand revoked that dashboard. */
public record PortalOffer(String brandName, String offerName, String promoCode, boolean live, String dashboardPath) {
}
