package io.linkledger.web;

import java.util.List;
import java.util.UUID;

import io.linkledger.email.LegacyTemplate;
import io.linkledger.email.TemplateKind;
import io.linkledger.email.TemplateVariable;
import io.linkledger.offers.OfferType;

/**
 * The email editor both email screens share (Send Sales Tracking Items, Email Members): the
 * subject and Markdown body being written, the help for its variables, one member's live preview,
 * and where its buttons go. With a {@code sendKey} it is the send confirmation instead: how many
 * members will get the email, and the form that sends it once.
 */
public record EmailEditorView(Target target, TemplateKind kind, OfferType offerType, String subject, String body,
        FormErrors errors, String notice, boolean saved, LegacyTemplate legacy, int recipients,
        EmailPreviewView preview, UUID sendKey, boolean delivering) {

    /**
     * Where the editor's forms go: {@code actionUrl} takes the buttons (preview, save, reset,
     * review), {@code previewUrl} answers the live preview, {@code sendUrl} sends. A
     * {@code fragment} editor lives inside another page and swaps itself through htmx.
     */
    public record Target(String actionUrl, String previewUrl, String sendUrl, boolean fragment, List<Hidden> hidden) {
    }

    /** A field the editor's forms carry for the screen, e.g. the offer and the selected members. */
    public record Hidden(String name, String value) {
    }

    public List<TemplateVariable> variables() {
        return kind.variables();
    }

    public boolean confirming() {
        return sendKey != null;
    }

    /** The offers this template is kept for, e.g. "link offers". */
    public String offerTypeLabel() {
        return offersOfType(offerType);
    }

    static String offersOfType(OfferType type) {
        return switch (type) {
            case LINK -> "link offers";
            case PROMO_CODE -> "promo code offers";
            case LINK_AND_CODE -> "link and code offers";
        };
    }

    /** What each member's copy carries of their own, e.g. "promo code and dashboard link". */
    public String carries() {
        if (kind == TemplateKind.DASHBOARD_LINKS) {
            return "dashboard link";
        }
        return switch (offerType) {
            case LINK -> "tracking link and dashboard link";
            case PROMO_CODE -> "promo code and dashboard link";
            case LINK_AND_CODE -> "tracking link, promo code and dashboard link";
        };
    }

    public String recipientsLabel() {
        return recipients + (recipients == 1 ? " member" : " members");
    }

    /** Problems about no field of the form (e.g. an offer without members), one line each. */
    public List<String> general() {
        return errors.general("subject", "body");
    }

    /** The field's name as the form shows it, for messages about it. */
    static String label(String field) {
        return switch (field) {
            case "subject" -> "Subject";
            case "body" -> "Email body";
            default -> field;
        };
    }

    EmailEditorView confirm(UUID key) {
        return new EmailEditorView(target, kind, offerType, subject, body, errors, notice, saved, legacy, recipients,
                preview, key, delivering);
    }
}
