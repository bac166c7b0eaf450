package io.linkledger.email;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.linkledger.shared.BeanMigration;

/**
 * Flyway V89: converts the templates saved before Markdown (V88 kept them as legacy HTML and
 * text) to Markdown where {@link LegacyConversion} loses nothing; the others keep their HTML and
 * text and are still sent as saved. A Java migration because the conversion needs an HTML parser;
 * Spring Boot hands every {@link JavaMigration} bean to Flyway.
 */
@Component
class MarkdownTemplatesMigration extends BeanMigration {

    private static final Logger log = LoggerFactory.getLogger(MarkdownTemplatesMigration.class);

    private record Legacy(UUID brandId, String kind, String offerType, String html) {
    }

    MarkdownTemplatesMigration() {
        super("89", "email templates to markdown");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        List<Legacy> legacy = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select brand_id, kind, offer_type, legacy_html from email_templates where body_markdown is null");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                legacy.add(new Legacy(rs.getObject("brand_id", UUID.class), rs.getString("kind"),
                        rs.getString("offer_type"), rs.getString("legacy_html")));
            }
        }
        int converted = 0;
        try (PreparedStatement update = connection.prepareStatement("""
                update email_templates set body_markdown = ?, legacy_html = null, legacy_text = null
                where brand_id = ? and kind = ? and offer_type = ?""")) {
            for (Legacy template : legacy) {
                LegacyConversion.Result result = LegacyConversion.convert(template.html(),
                        TemplateKind.valueOf(template.kind()).variables());
                if (result.converted()) {
                    update.setString(1, result.markdown());
                    update.setObject(2, template.brandId());
                    update.setString(3, template.kind());
                    update.setString(4, template.offerType());
                    update.executeUpdate();
                    converted++;
                }
            }
        }
        if (!legacy.isEmpty()) {
            log.info("Email templates: {} of {} converted to Markdown; the others are sent as saved until edited",
                    converted, legacy.size());
        }
    }
}
