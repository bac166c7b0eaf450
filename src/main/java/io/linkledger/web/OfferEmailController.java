package io.linkledger.web;

import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.linkledger.brands.BrandPrincipal;
import io.linkledger.email.EmailTemplate;
import io.linkledger.email.MemberEmails;
import io.linkledger.email.TemplateKind;
import io.linkledger.email.Templates;
import io.linkledger.jobs.Jobs;
import io.linkledger.offers.Offer;
import io.linkledger.offers.Offers;
import io.linkledger.shared.Page;
import io.linkledger.shared.ProblemException;

/** "Email Members": every member's dashboard link, with the brand's template edited for this sending. */
@Controller
class OfferEmailController {

    static final int PREVIEWS = 5;

    private final Offers offers;
    private final Templates templates;
    private final MemberEmails emails;
    private final Jobs jobs;

    OfferEmailController(Offers offers, Templates templates, MemberEmails emails, Jobs jobs) {
        this.offers = offers;
        this.templates = templates;
        this.emails = emails;
        this.jobs = jobs;
    }

    @GetMapping("/offers/{id}/email")
    String compose(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id, Model model) {
        Offer offer = offers.get(caller.brandId(), id);
        EmailTemplate template = templates.get(caller.brandId(), TemplateKind.DASHBOARD_LINKS);
        model.addAttribute("email", OfferEmailView.compose(offer, template));
        return "console/offer/email";
    }

    /** Preview (a page of personalised emails) or send (a job, then its progress bar). */
    @PostMapping("/offers/{id}/email")
    String previewOrSend(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam(required = false) String subject, @RequestParam(required = false) String html,
            @RequestParam(required = false) String text, @RequestParam(defaultValue = "preview") String action,
            @RequestParam(required = false) Integer page, Model model) {
        Offer offer = offers.get(caller.brandId(), id);
        EmailTemplate template = new EmailTemplate(subject, html, text);
        MemberEmails.EmailRequest request = new MemberEmails.EmailRequest(TemplateKind.DASHBOARD_LINKS, null, null,
                template);
        OfferEmailView view;
        try {
            if (action.equals("send")) {
                MemberEmails.Sending sending = emails.send(caller.brandId(), id, request);
                view = OfferEmailView.compose(offer, template).sending(jobs.get(caller.brandId(), sending.jobId()));
            } else {
                int pageNumber = page == null || page < 1 ? 1 : page;
                Page<MemberEmails.Preview> previews = emails.preview(caller.brandId(), id, request, PREVIEWS,
                        (pageNumber - 1) * PREVIEWS);
                view = OfferEmailView.compose(offer, template).previewing(previews);
            }
        } catch (ProblemException e) {
            view = OfferEmailView.compose(offer, template).failed(FormErrors.of(e));
        }
        model.addAttribute("email", view);
        return "console/offer/email";
    }

    /** The progress fragment; it asks again every half second until the job has ended. */
    @GetMapping("/offers/{id}/email/jobs/{jobId}")
    String progress(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id, @PathVariable UUID jobId,
            Model model) {
        offers.get(caller.brandId(), id);
        model.addAttribute("offerId", id);
        model.addAttribute("job", jobs.get(caller.brandId(), jobId));
        return "console/offer/progress";
    }

}
