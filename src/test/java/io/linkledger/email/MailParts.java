package io.linkledger.email;

import java.io.IOException;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/** The text/plain and text/html parts of a received email, and what a reader sees of them. */
record MailParts(String text, String html) {

    static MailParts of(MimeMessage message) {
        try {
            return new MailParts(find(message, "text/plain"), find(message, "text/html"));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The HTML part's words as a reader sees them, each link followed by its address in
     * parentheses unless the address is its text (as the plain-text part shows links).
     */
    String htmlWords() {
        Element body = Jsoup.parse(html).body();
        for (Element a : body.select("a[href]")) {
            String href = a.attr("href");
            if (!href.equals(a.text()) && !href.equals("mailto:" + a.text())) {
                a.appendText(" (" + href + ")");
            }
        }
        return body.text();
    }

    /** The plain-text part's words, as {@link #htmlWords} would show the same content. */
    String textWords() {
        return MarkdownEmailTest.words(text);
    }

    private static String find(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = find(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
