package io.linkledger.email;

/** One member's email as it is sent: the subject and the HTML and plain-text parts. */
record RenderedEmail(String subject, String html, String text) {
}
