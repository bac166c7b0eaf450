package io.linkledger.assignments;

/**
 * What a member shares for one offer, as absolute URLs: the tracking link (link offers), the promo
 * code (code offers) and the dashboard link (null while the brand has it revoked).
 */
public record AssignmentLinks(String trackingLink, String promoCode, String dashboardLink) {
}
