package io.linkledger.email;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.linkledger.shared.Sql;

@Repository
class TemplateRepository {

    private final JdbcClient jdbc;

    TemplateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<EmailTemplate> find(UUID brandId, TemplateKind kind) {
        return jdbc.sql("select subject, body_html, body_text from email_templates where brand_id = ? and kind = ?")
                .params(brandId, kind.name())
                .query((rs, n) -> new EmailTemplate(rs.getString("subject"), rs.getString("body_html"),
                        rs.getString("body_text")))
                .optional();
    }

    void save(UUID brandId, TemplateKind kind, EmailTemplate template, Instant now) {
        int updated = jdbc.sql("""
                update email_templates set subject = ?, body_html = ?, body_text = ?, updated_at = ?
                where brand_id = ? and kind = ?""")
                .params(template.subject(), template.html(), template.text(), Sql.ts(now), brandId, kind.name())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into email_templates (brand_id, kind, subject, body_html, body_text, updated_at)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(brandId, kind.name(), template.subject(), template.html(), template.text(), Sql.ts(now))
                    .update();
        }
    }

    void delete(UUID brandId, TemplateKind kind) {
        jdbc.sql("delete from email_templates where brand_id = ? and kind = ?").params(brandId, kind.name()).update();
    }
}
