package io.linkledger.email;

/**
 * SALES_TRACKING_ITEMS: a member's code, link and dashboard link, sent from a project's Sales
 * Tracking stage. DASHBOARD_LINKS: "Email Members", the dashboard link for every member of an offer.
 * PAYMENT_NOTICE: sent to a member when a payout to them completes.
 */
public enum TemplateKind {
    SALES_TRACKING_ITEMS, DASHBOARD_LINKS, PAYMENT_NOTICE
}
