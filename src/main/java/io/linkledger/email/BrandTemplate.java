package io.linkledger.email;

import java.util.Map;

import io.linkledger.offers.OfferType;

/**
 * The template a brand's emails of one kind start from for one offer type: its saved edit
 * ({@code saved}) or the default. {@code legacy} is set when the saved edit predates Markdown and
 * could not be converted; {@code template} is then a Markdown draft made from its plain-text body.
 */
public record BrandTemplate(TemplateKind kind, OfferType offerType, EmailTemplate template, boolean saved,
        LegacyTemplate legacy) {

    /** One member's email: from the Markdown template, or as the legacy template was saved. */
    RenderedEmail render(Map<String, String> values) {
        if (legacy == null) {
            return MarkdownEmail.render(template, values);
        }
        return new RenderedEmail(Personalisation.render(template.subject(), values, false),
                Personalisation.render(legacy.html(), values, true), Personalisation.render(legacy.text(), values, false));
    }
}
