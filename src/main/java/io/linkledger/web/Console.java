package io.linkledger.web;

import java.util.List;
import java.util.UUID;

import org.springframework.security.web.csrf.CsrfToken;

/**
 * What every console page shows around its content: who is signed in, for which brand (and the
 * time zone its days are counted in, e.g. "Europe/Paris"), and the form token.
 */
public record Console(UUID brandId, String brandName, String timeZone, String user, boolean admin, CsrfToken csrf) {

    /** A main navigation entry. */
    public record Section(String key, String label, String path) {
    }

    public static final List<Section> SECTIONS = List.of(
            new Section("offers", "Sales Tracking", "/offers"),
            new Section("members", "Members", "/members"),
            new Section("projects", "Projects", "/projects"),
            new Section("conversions", "Conversions", "/conversions"),
            new Section("integrations", "Integrations", "/integrations"),
            new Section("payments", "Payments", "/payments"),
            new Section("settings", "Settings", "/settings"),
            new Section("audit", "Audit log", "/audit"));
}
