package io.linkledger.web;

import java.util.Currency;
import java.util.List;

import io.linkledger.conversions.IntegrationSetup;
import io.linkledger.conversions.IntegrationType;
import io.linkledger.offers.Offer;

/** The page that shows a new integration's address, or a rotated one's, once: with what to paste where. */
public record IssuedView(IntegrationSetup.Created created, List<Offer> fed) {

    public boolean rotated() {
        return created.previousKeyValidUntil() != null;
    }

    /** What to paste into the sender: ShareASale's URL with its macros, else the inbound URL. */
    public String address() {
        return created.shareasalePostbackUrl() != null ? created.shareasalePostbackUrl() : created.inboundUrl();
    }

    public String addressLabel() {
        return switch (created.type()) {
            case SHOPIFY -> "Webhook address";
            case SHAREASALE -> "ShareASale postback URL (ShareASale → Tools → Tracking Integration)";
            case POSTBACK, PIXEL -> "Postback URL";
        };
    }

    /** The key alone: the last part of the inbound URL's path. */
    public String key() {
        String path = created.inboundUrl().substring(created.inboundUrl().lastIndexOf('/') + 1);
        return created.type() == IntegrationType.PIXEL ? path.substring(0, path.length() - ".gif".length()) : path;
    }

    /**
     * The pixel's image tag with the placeholders the shop fills in; the currency is named when
     * every offer it feeds has the same one (else the shop adds it).
     */
    public String pixelSnippet() {
        List<Currency> currencies = fed.stream().map(Offer::currency).distinct().toList();
        String currency = currencies.size() == 1 ? "&currency=" + currencies.getFirst().getCurrencyCode() : "";
        return "<img src=\"" + created.inboundUrl() + "?order_id={order_id}&amount={amount}" + currency
                + "\" width=\"1\" height=\"1\" alt=\"\">";
    }

    public String typeLabel() {
        return IntegrationsView.typeLabel(created.type());
    }
}
