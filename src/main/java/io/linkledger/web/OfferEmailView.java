package io.linkledger.web;

import java.util.List;

import io.linkledger.email.EmailTemplate;
import io.linkledger.email.MemberEmails;
import io.linkledger.jobs.Job;
import io.linkledger.offers.Offer;
import io.linkledger.shared.Page;

/** The "Email Members" page: the template being edited, and its previews, errors or sending job. */
public record OfferEmailView(Offer offer, EmailTemplate template, FormErrors errors,
        Page<MemberEmails.Preview> previews, Job job) {

    static OfferEmailView compose(Offer offer, EmailTemplate template) {
        return new OfferEmailView(offer, template, FormErrors.NONE, null, null);
    }

    OfferEmailView previewing(Page<MemberEmails.Preview> page) {
        return new OfferEmailView(offer, template, errors, page, job);
    }

    OfferEmailView sending(Job started) {
        return new OfferEmailView(offer, template, errors, previews, started);
    }

    OfferEmailView failed(FormErrors refused) {
        return new OfferEmailView(offer, template, refused, previews, job);
    }

    /** A problem that is about no field of the form, e.g. an offer without members; null when there is none. */
    public String general() {
        List<String> general = errors.general("subject", "html", "text");
        return general.isEmpty() ? null : String.join("; ", general);
    }

    public int pageNumber() {
        return previews.offset() / OfferEmailController.PREVIEWS + 1;
    }

    public int pages() {
        return (int) Math.max(1, (previews.total() + OfferEmailController.PREVIEWS - 1)
                / OfferEmailController.PREVIEWS);
    }
}
