package io.linkledger.web;

import java.util.Map;

import io.linkledger.email.EmailTemplate;
import io.linkledger.email.MemberEmails;
import io.linkledger.jobs.Job;
import io.linkledger.offers.Offer;
import io.linkledger.shared.Page;

/** The "Email Members" page: the template being edited, and its previews, errors or sending job. */
public record OfferPageEmail(Offer offer, EmailTemplate template, Map<String, String> errors,
        Page<MemberEmails.Preview> previews, Job job) {

    static OfferPageEmail compose(Offer offer, EmailTemplate template) {
        return new OfferPageEmail(offer, template, Map.of(), null, null);
    }

    OfferPageEmail previewing(Page<MemberEmails.Preview> page) {
        return new OfferPageEmail(offer, template, errors, page, job);
    }

    OfferPageEmail sending(Job started) {
        return new OfferPageEmail(offer, template, errors, previews, started);
    }

    OfferPageEmail failed(Map<String, String> problems) {
        return new OfferPageEmail(offer, template, problems, previews, job);
    }

    public String error(String field) {
        return errors.get(field);
    }

    /** A problem that is about no field in particular, e.g. an offer without members. */
    public String general() {
        return errors.entrySet().stream().filter(e -> !e.getKey().equals("subject") && !e.getKey().equals("html")
                && !e.getKey().equals("text")).map(e -> e.getKey().isEmpty() ? e.getValue()
                        : e.getKey() + ": " + e.getValue()).reduce((a, b) -> a + "; " + b).orElse(null);
    }

    public int pageNumber() {
        return previews.offset() / OfferPageEmailController.PREVIEWS + 1;
    }

    public int pages() {
        return (int) Math.max(1, (previews.total() + OfferPageEmailController.PREVIEWS - 1)
                / OfferPageEmailController.PREVIEWS);
    }
}
