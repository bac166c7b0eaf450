package io.linkledger.web;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import io.linkledger.email.BrandTemplate;
import io.linkledger.email.EmailTemplate;
import io.linkledger.email.MemberEmails;
import io.linkledger.email.MemberEmails.EmailRequest;
import io.linkledger.email.Sends;
import io.linkledger.email.TemplateKind;
import io.linkledger.email.Templates;
import io.linkledger.offers.Offer;
import io.linkledger.shared.Ids;
import io.linkledger.shared.Page;
import io.linkledger.shared.ProblemException;

/**
 * What the two email screens do alike with their editor: open it on the brand's template,
 * preview, save or reset the template, confirm and send. Each screen says who its email goes to
 * ({@link Editing#request}) and where its forms go.
 */
@Component
class EmailEditing {

    private final MemberEmails emails;
    private final Templates templates;
    private final Sends sends;
    private final Ids ids;

    EmailEditing(MemberEmails emails, Templates templates, Sends sends, Ids ids) {
        this.emails = emails;
        this.templates = templates;
        this.sends = sends;
        this.ids = ids;
    }

    /** One screen's email: the brand's, for this offer and kind, to the members {@code request} names. */
    record Editing(UUID brandId, Offer offer, TemplateKind kind, EmailEditorView.Target target,
            Function<EmailTemplate, EmailRequest> request) {
    }

    /** The editor as it opens: the brand's template for this kind and offer type, previewed for the first member. */
    EmailEditorView open(Editing editing) {
        BrandTemplate template = templates.get(editing.brandId(), editing.kind(), editing.offer().type());
        return editor(editing, template, template.template(), FormErrors.NONE, null, 0);
    }

    /** A button of the editor: preview, save, reset, review (the send confirmation) or edit (back from it). */
    EmailEditorView act(Editing editing, String action, EmailTemplate edited, int index) {
        BrandTemplate brand = templates.get(editing.brandId(), editing.kind(), editing.offer().type());
        try {
            return switch (action) {
                case "save" -> {
                    templates.save(editing.brandId(), editing.kind(), List.of(editing.offer().type()), edited);
                    BrandTemplate saved = templates.get(editing.brandId(), editing.kind(), editing.offer().type());
                    yield editor(editing, saved, edited, FormErrors.NONE,
                            "Saved: " + editing.kind().label() + " emails for " + label(editing) + " now start from this.",
                            index);
                }
                case "reset" -> {
                    templates.reset(editing.brandId(), editing.kind(), List.of(editing.offer().type()));
                    BrandTemplate reset = templates.get(editing.brandId(), editing.kind(), editing.offer().type());
                    yield editor(editing, reset, reset.template(), FormErrors.NONE,
                            "Back to the default email for " + label(editing) + ".", 0);
                }
                case "preview" -> {
                    emails.preview(editing.brandId(), editing.offer().id(), editing.request().apply(edited), 1, index);
                    yield editor(editing, brand, edited, FormErrors.NONE, null, index);
                }
                case "review" -> {
                    emails.preview(editing.brandId(), editing.offer().id(), editing.request().apply(edited), 1, 0);
                    yield editor(editing, brand, edited, FormErrors.NONE, null, index).confirm(ids.next());
                }
                default -> editor(editing, brand, edited, FormErrors.NONE, null, index);
            };
        } catch (ProblemException refused) {
            return editor(editing, brand, edited, FormErrors.of(refused), null, index);
        }
    }

    /** The live preview: one member's email as the template now stands, or what is wrong with it. */
    EmailPreviewView preview(Editing editing, EmailTemplate edited, int index) {
        String url = editing.target().previewUrl();
        try {
            Page<MemberEmails.Preview> page = emails.preview(editing.brandId(), editing.offer().id(),
                    editing.request().apply(edited), 1, index);
            if (page.items().isEmpty() && page.total() > 0) {
                return preview(editing, edited, 0);
            }
            return EmailPreviewView.of(url, page.items().isEmpty() ? null : page.items().getFirst(), index, page.total());
        } catch (ProblemException refused) {
            return EmailPreviewView.refused(url, index, FormErrors.of(refused));
        }
    }

    /** Sends the confirmed email; the confirmation's key makes a second press answer the first send. */
    MemberEmails.Sending send(Editing editing, String actor, EmailTemplate edited, UUID key) {
        return emails.send(editing.brandId(), actor, editing.offer().id(), editing.request().apply(edited), key);
    }

    /** The editor after a send was refused: the message above the form, the template as it was. */
    EmailEditorView refused(Editing editing, EmailTemplate edited, ProblemException refused) {
        BrandTemplate brand = templates.get(editing.brandId(), editing.kind(), editing.offer().type());
        return editor(editing, brand, edited, FormErrors.of(refused), null, 0);
    }

    private EmailEditorView editor(Editing editing, BrandTemplate brand, EmailTemplate shown, FormErrors errors,
            String notice, int index) {
        int recipients;
        FormErrors shownErrors = errors;
        try {
            recipients = emails.recipientCount(editing.brandId(), editing.offer().id(),
                    editing.request().apply(shown));
        } catch (ProblemException refused) {
            recipients = 0;
            shownErrors = errors.any() ? errors : FormErrors.of(refused);
        }
        EmailPreviewView preview = shownErrors.any()
                ? EmailPreviewView.refused(editing.target().previewUrl(), index, shownErrors)
                : preview(editing, shown, index);
        return new EmailEditorView(editing.target(), editing.kind(), editing.offer().type(), shown.subject(),
                shown.body(), shownErrors, notice, brand.saved(), brand.legacy(), recipients, preview, null,
                sends.delivering());
    }

    private static String label(Editing editing) {
        return EmailEditorView.offersOfType(editing.offer().type());
    }
}
