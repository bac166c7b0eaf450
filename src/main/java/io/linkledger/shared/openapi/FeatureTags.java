package io.linkledger.shared.openapi;

import java.util.Map;

import org.springframework.stereotype.Component;

import io.swagger.v3.oas.models.tags.Tag;

/**
 * One tag per feature (the top-level package the controller lives in), with what it covers. A
 * feature missing here still gets its tag, described by its name.
 */
@Component
class FeatureTags {

    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("assignments", "Members on an offer: their links, promo codes, payout tiers and dashboard links"),
            Map.entry("audit", "The append-only record of every change, with who made it, when and from where"),
            Map.entry("brands", "API keys and users of the brand workspace"),
            Map.entry("conversions", "Integrations that report sales, the conversions they create, and the public "
                    + "postback, shop webhook and pixel endpoints"),
            Map.entry("dashboard", "The member's dashboard link (public, the token is the credential)"),
            Map.entry("email", "Email templates and sending them to an offer's members"),
            Map.entry("jobs", "Progress of work that runs in the background"),
            Map.entry("ledger", "Money: balance, top-ups, payment methods, payments to members, remittances, the "
                    + "journal, and PayPal's and Stripe's webhooks"),
            Map.entry("members", "The brand's influencers and affiliates"),
            Map.entry("offers", "What members promote and what they earn for it"),
            Map.entry("projects", "Groups of members"),
            Map.entry("reporting", "Clicks, conversions and earnings per offer and member"),
            Map.entry("tracking", "The tracking link redirect (public)"),
            Map.entry("webhooks", "Outbound webhooks: endpoints that receive signed events, their secrets and delivery logs"));

    Tag tag(String name) {
        return new Tag().name(name).description(DESCRIPTIONS.getOrDefault(name, "The " + name + " feature"));
    }
}
