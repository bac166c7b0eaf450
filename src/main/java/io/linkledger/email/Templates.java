package io.linkledger.email;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.linkledger.shared.Validation;

/** A brand's email templates: its saved edit, or the pre-generated default. */
@Service
public class Templates {

    private final TemplateRepository repository;
    private final Clock clock;

    public Templates(TemplateRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public EmailTemplate get(UUID brandId, TemplateKind kind) {
        return repository.find(brandId, kind).orElseGet(() -> DefaultTemplates.of(kind));
    }

    @Transactional
    public EmailTemplate save(UUID brandId, TemplateKind kind, EmailTemplate template) {
        validate(template);
        repository.save(brandId, kind, template, clock.instant());
        return template;
    }

    /** Back to the pre-generated default. */
    @Transactional
    public EmailTemplate reset(UUID brandId, TemplateKind kind) {
        repository.delete(brandId, kind);
        return DefaultTemplates.of(kind);
    }

    /** A 400 problem naming every unknown variable or broken section, per part. */
    static void validate(EmailTemplate template) {
        Validation v = new Validation();
        check(v, "subject", template.subject(), 500);
        check(v, "html", template.html(), 100_000);
        check(v, "text", template.text(), 100_000);
        v.throwIfInvalid();
    }

    private static void check(Validation v, String field, String value, int maxLength) {
        if (Validation.isBlank(value)) {
            v.add(field, "is required");
            return;
        }
        v.check(value.length() <= maxLength, field, "must be at most " + maxLength + " characters");
        Personalisation.problems(value).forEach(problem -> v.add(field, problem));
    }
}
