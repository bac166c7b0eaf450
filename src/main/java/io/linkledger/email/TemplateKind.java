package io.linkledger.email;

import java.util.List;
import java.util.Locale;

/**
 * The emails a brand can edit. SALES_TRACKING_ITEMS: a member's code, link and dashboard link, sent
 * from a project's Sales Tracking stage. DASHBOARD_LINKS: "Email Members", the dashboard link for
 * every member of an offer. PAYMENT_NOTICE: sent to a member when a payout to them completes; it
 * speaks of no offer, so its wording is the same for every offer type. A kind names the variables
 * its templates may use and its label in the console; its default wording is in {@link DefaultTemplates}.
 */
public enum TemplateKind {

    SALES_TRACKING_ITEMS("Send Sales Tracking Items", Variables.MEMBER_OFFER),
    DASHBOARD_LINKS("Email Members", Variables.MEMBER_OFFER),
    PAYMENT_NOTICE("Payment notice", Variables.PAYMENT);

    private final String label;
    private final List<TemplateVariable> variables;

    TemplateKind(String label, List<TemplateVariable> variables) {
        this.label = label;
        this.variables = variables;
    }

    public String label() {
        return label;
    }

    public List<TemplateVariable> variables() {
        return variables;
    }

    /** How the outbox and its delivery log file these emails, e.g. {@code sales-tracking-items}. */
    String category() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static final class Variables {

        static final List<TemplateVariable> MEMBER_OFFER = List.of(
                new TemplateVariable("member.first_name", "the member's first name"),
                new TemplateVariable("member.name", "the member's full name"),
                new TemplateVariable("offer.name", "the offer's name"),
                new TemplateVariable("offer.commission", "what the member earns, in words (\"10% of each sale\")"),
                new TemplateVariable("link", "the member's tracking link (link offers)"),
                new TemplateVariable("promo_code", "the member's promo code (code offers)"),
                new TemplateVariable("dashboard_link", "the member's own dashboard link for this offer"),
                new TemplateVariable("brand.name", "your brand's name"));

        static final List<TemplateVariable> PAYMENT = List.of(
                new TemplateVariable("member.first_name", "the member's first name"),
                new TemplateVariable("member.name", "the member's full name"),
                new TemplateVariable("payment.amount", "the amount paid, with its currency (\"$45.00\")"),
                new TemplateVariable("payment.date", "the day the payout completed (\"26 November 2026\")"),
                new TemplateVariable("brand.name", "your brand's name"));
    }
}
