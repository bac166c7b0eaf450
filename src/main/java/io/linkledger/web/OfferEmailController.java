package io.linkledger.web;

import java.util.List;
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
import io.linkledger.offers.Offer;
import io.linkledger.offers.Offers;
import io.linkledger.shared.Page;
import io.linkledger.shared.ProblemException;

/**
 * "Email Members": every member's dashboard link, with the brand's template edited for this
 * send (Markdown, live preview per member), confirmed with the number of members; sending opens
 * the send's delivery log.
 */
@Controller
class OfferEmailController {

    private final Offers offers;
    private final EmailEditing editing;

    OfferEmailController(Offers offers, EmailEditing editing) {
        this.offers = offers;
        this.editing = editing;
    }

    @GetMapping("/offers/{id}/email")
    String compose(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id, Model model) {
        EmailEditing.Editing email = editing(caller, id);
        return page(email, editing.open(email), model);
    }

    /** The editor's buttons: preview, save, reset, review (the send confirmation), edit (back from it). */
    @PostMapping("/offers/{id}/email")
    String act(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam(required = false) String subject, @RequestParam(required = false) String body,
            @RequestParam(defaultValue = "preview") String action, @RequestParam(required = false) Integer index,
            @RequestParam(required = false) Integer show, Model model) {
        EmailEditing.Editing email = editing(caller, id);
        return page(email, editing.act(email, action, new EmailTemplate(subject, body),
                Page.offset(show != null ? show : index)), model);
    }

    /** The live preview: one member's email as the editor now stands. */
    @PostMapping("/offers/{id}/email/preview")
    String preview(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam(required = false) String subject, @RequestParam(required = false) String body,
            @RequestParam(required = false) Integer index, @RequestParam(required = false) Integer show, Model model) {
        model.addAttribute("preview", editing.preview(editing(caller, id), new EmailTemplate(subject, body),
                Page.offset(show != null ? show : index)));
        return "console/email/preview";
    }

    @PostMapping("/offers/{id}/email/send")
    String send(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam(required = false) String subject, @RequestParam(required = false) String body,
            @RequestParam UUID sendKey, Model model) {
        EmailEditing.Editing email = editing(caller, id);
        EmailTemplate template = new EmailTemplate(subject, body);
        try {
            MemberEmails.Sending sending = editing.send(email, caller.actor(), template, sendKey);
            return "redirect:" + DeliveryLogView.url(id, sending.sendId());
        } catch (ProblemException refused) {
            return page(email, editing.refused(email, template, refused), model);
        }
    }

    private EmailEditing.Editing editing(BrandPrincipal caller, UUID offerId) {
        Offer offer = offers.get(caller.brandId(), offerId);
        String base = "/offers/" + offer.id() + "/email";
        return new EmailEditing.Editing(caller.brandId(), offer, TemplateKind.DASHBOARD_LINKS,
                new EmailEditorView.Target(base, base + "/preview", base + "/send", false, List.of()),
                template -> new MemberEmails.EmailRequest(TemplateKind.DASHBOARD_LINKS, null, null, template));
    }

    private static String page(EmailEditing.Editing email, EmailEditorView editor, Model model) {
        model.addAttribute("email", new OfferEmailView(email.offer(), editor));
        return "console/offer/email";
    }
}
