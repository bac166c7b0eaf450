package io.linkledger.dashboard;

/**
 * One offer in the Creator Portal list. {@code brandLogo} is a data URL, null without a logo;
 * {@code dashboardPath} is null when the brand revoked that dashboard.
 */
public record PortalOffer(String brandName, String brandLogo, String offerName, String promoCode, boolean live, String dashboardPath) {
}
