package io.linkledger.assignments;

import java.text.Normalizer;
import java.util.Locale;

import org.springframework.stereotype.Component;

import io.linkledger.shared.Tokens;

/** Makes link codes, dashboard tokens and promo codes. */
@Component
class CodeGenerator {

    /** No 0/O, 1/I/L: a code read aloud or typed from a video must not be mistaken. */
    static final String UNAMBIGUOUS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final String UNAMBIGUOUS_DIGITS = "23456789";
    static final int LINK_CODE_LENGTH = 8;
    /** 24 random bytes: 192 bits, well above the 128 a dashboard link needs to be unguessable. */
    private static final int DASHBOARD_TOKEN_BYTES = 24;
    private static final int MAX_NAME_PART = 10;

    private final Tokens tokens;

    CodeGenerator(Tokens tokens) {
        this.tokens = tokens;
    }

    /** 8 base62 characters (~47 bits), random: knowing some codes tells nothing about others. */
    String linkCode() {
        return tokens.fromAlphabet(Tokens.BASE62, LINK_CODE_LENGTH);
    }

    String dashboardToken() {
        return tokens.urlSafe(DASHBOARD_TOKEN_BYTES);
    }

    /**
     * A promo code from the member's first name, e.g. {@code JANE47}. {@code attempt} grows
     * the random suffix after collisions, so even 10,000 members called "Alex" get codes.
     */
    String promoCode(String firstName, int attempt) {
        String namePart = namePart(firstName);
        if (attempt == 0) {
            return namePart + tokens.fromAlphabet(UNAMBIGUOUS_DIGITS, 2);
        }
        return namePart + tokens.fromAlphabet(UNAMBIGUOUS, 2 + Math.min(attempt, 6));
    }

    private static String namePart(String firstName) {
        String ascii = Normalizer.normalize(firstName == null ? "" : firstName, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        for (char c : ascii.toCharArray()) {
            if (c >= 'A' && c <= 'Z' && UNAMBIGUOUS.indexOf(c) >= 0 && out.length() < MAX_NAME_PART) {
                out.append(c);
            }
        }
        return out.length() >= 2 ? out.toString() : "PARTNER";
    }
}
