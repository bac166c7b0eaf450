package io.linkledger.email;

/**
 * An email as a brand writes it: a subject and one Markdown body, both with personalisation
 * variables. The HTML and plain-text parts are both rendered from the body, so they never drift apart.
 */
public record EmailTemplate(String subject, String body) {
}
