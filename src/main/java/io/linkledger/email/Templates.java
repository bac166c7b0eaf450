package io.linkledger.email;

import java.time.Clock;
import java.util.Collection;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.linkledger.offers.OfferType;
import io.linkledger.shared.Validation;

/**
 * A brand's email templates, one per kind and offer type: its saved edit, or the pre-generated
 * default for that offer type.
 */
@Service
public class Templates {

    static final int MAX_SUBJECT = 500;
    static final int MAX_BODY = 100_000;

    private final TemplateRepository repository;
    private final Clock clock;

    public Templates(TemplateRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public BrandTemplate get(UUID brandId, TemplateKind kind, OfferType offerType) {
        return repository.find(brandId, kind, offerType)
                .map(saved -> saved.markdown() != null
                        ? new BrandTemplate(kind, offerType, new EmailTemplate(saved.subject(), saved.markdown()), true,
                                null)
                        : legacy(kind, offerType, saved))
                .orElseGet(() -> new BrandTemplate(kind, offerType, DefaultTemplates.of(kind, offerType), false, null));
    }

    /** A template saved before Markdown that could not be converted: shown with a Markdown draft of its text body. */
    private static BrandTemplate legacy(TemplateKind kind, OfferType offerType, TemplateRepository.Saved saved) {
        String reason = LegacyConversion.convert(saved.legacyHtml(), kind.variables()).reason();
        return new BrandTemplate(kind, offerType,
                new EmailTemplate(saved.subject(), LegacyConversion.draft(saved.legacyText())), true,
                new LegacyTemplate(saved.legacyHtml(), saved.legacyText(), reason));
    }

    /** Saves the template for the offer types given, or for none when it is refused. */
    @Transactional
    public void save(UUID brandId, TemplateKind kind, Collection<OfferType> offerTypes, EmailTemplate template) {
        validate(kind, template);
        offerTypes.forEach(type -> repository.save(brandId, kind, type, template, clock.instant()));
    }

    /** Back to the pre-generated defaults of these offer types. */
    @Transactional
    public void reset(UUID brandId, TemplateKind kind, Collection<OfferType> offerTypes) {
        offerTypes.forEach(type -> repository.delete(brandId, kind, type));
    }

    /** A 400 problem naming every unknown variable or broken section, per field. */
    static void validate(TemplateKind kind, EmailTemplate template) {
        Validation v = new Validation();
        check(v, kind, "subject", template.subject(), MAX_SUBJECT);
        v.check(template.subject() == null || template.subject().lines().count() <= 1, "subject",
                "must be one line");
        check(v, kind, "body", template.body(), MAX_BODY);
        v.throwIfInvalid();
    }

    private static void check(Validation v, TemplateKind kind, String field, String value, int maxLength) {
        if (Validation.isBlank(value)) {
            v.add(field, "is required");
            return;
        }
        v.check(value.length() <= maxLength, field, "must be at most " + maxLength + " characters");
        Personalisation.problems(value, kind.variables()).forEach(problem -> v.add(field, problem));
    }
}
