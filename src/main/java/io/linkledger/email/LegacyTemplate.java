package io.linkledger.email;

/**
 * A template saved as separate HTML and plain-text bodies, before templates were written in
 * Markdown, that could not be converted ({@code reason} says why). It is still sent as it was
 * saved until the brand saves a Markdown version or goes back to the default.
 */
public record LegacyTemplate(String html, String text, String reason) {
}
