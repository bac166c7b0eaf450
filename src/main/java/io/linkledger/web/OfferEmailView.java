package io.linkledger.web;

import io.linkledger.offers.Offer;

/** The "Email Members" page: the offer, and the editor (or its send confirmation). */
public record OfferEmailView(Offer offer, EmailEditorView editor) {

    public String sendsUrl() {
        return EmailSendsView.offerUrl(offer.id());
    }
}
