package io.linkledger.web;

import java.util.List;

import io.linkledger.conversions.IntegrationSetup;
import io.linkledger.offers.Offer;

/**
 * One integration's page: what it is, its last deliveries (the set-up check), the edit form
 * ({@code edit}, with what a refused edit typed), the offers it feeds, and the rotation form's errors.
 */
public record IntegrationPageView(IntegrationSetup.Summary integration, List<IntegrationSetup.RecentRequest> deliveries,
        List<IntegrationsView.OfferChoice> offerChoices, List<Offer> fed, Form edit, FormErrors rotateErrors,
        String notice) {

    /** A grace period to choose when rotating, in hours. */
    public record Grace(int hours, String label, boolean preselected) {
    }

    public static final List<Grace> GRACES = List.of(new Grace(0, "None: the old address stops now", false),
            new Grace(1, "1 hour", false), new Grace(24, "24 hours", true), new Grace(72, "3 days", false),
            new Grace(168, "7 days", false));

    public String name() {
        return edit.values().isEmpty() ? integration.name() : edit.value("name");
    }

    public String base() {
        return "/integrations/" + integration.id();
    }

    /** The confirmation a change leaves, in words. */
    public String noticeText() {
        return switch (notice == null ? "" : notice) {
            case "saved" -> "Saved.";
            case "enabled" -> "Enabled: its deliveries are credited again.";
            case "disabled" -> "Disabled.";
            default -> null;
        };
    }
}
