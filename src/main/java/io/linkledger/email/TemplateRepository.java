package io.linkledger.email;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.linkledger.offers.OfferType;
import io.linkledger.shared.Sql;

@Repository
class TemplateRepository {

    private final JdbcClient jdbc;

    TemplateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A saved template: its Markdown body, or (saved before Markdown, not converted) its HTML and text bodies. */
    record Saved(String subject, String markdown, String legacyHtml, String legacyText) {
    }

    Optional<Saved> find(UUID brandId, TemplateKind kind, OfferType offerType) {
        return jdbc.sql("""
                select subject, body_markdown, legacy_html, legacy_text from email_templates
                where brand_id = ? and kind = ? and offer_type = ?""")
                .params(brandId, kind.name(), offerType.name())
                .query((rs, n) -> new Saved(rs.getString("subject"), rs.getString("body_markdown"),
                        rs.getString("legacy_html"), rs.getString("legacy_text")))
                .optional();
    }

    void save(UUID brandId, TemplateKind kind, OfferType offerType, EmailTemplate template, Instant now) {
        int updated = jdbc.sql("""
                update email_templates set subject = ?, body_markdown = ?, legacy_html = null, legacy_text = null,
                    updated_at = ?
                where brand_id = ? and kind = ? and offer_type = ?""")
                .params(template.subject(), template.body(), Sql.ts(now), brandId, kind.name(), offerType.name())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into email_templates (brand_id, kind, offer_type, subject, body_markdown, updated_at)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(brandId, kind.name(), offerType.name(), template.subject(), template.body(), Sql.ts(now))
                    .update();
        }
    }

    void delete(UUID brandId, TemplateKind kind, OfferType offerType) {
        jdbc.sql("delete from email_templates where brand_id = ? and kind = ? and offer_type = ?")
                .params(brandId, kind.name(), offerType.name())
                .update();
    }
}
