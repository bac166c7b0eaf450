package io.linkledger.email;

/** A subject and HTML and plain-text bodies, all with personalisation variables. */
public record EmailTemplate(String subject, String html, String text) {
}
