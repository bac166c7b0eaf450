package io.linkledger.assignments;

import java.text.Normalizer;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.linkledger.shared.Tokens;

/** Makes link codes, dashboard tokens and promo codes. */
@Component
class CodeGenerator {

    /**
     * The suffix added when a code is taken: letters only, so it never runs into the number (LIAM10 +
     * 5 would read LIAM105), and no I, L or O, so a code read aloud or typed from a video is not
     * mistaken. The name part keeps every letter: a name is read as a word.
     */
    static final String SUFFIX_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ";
    static final int LINK_CODE_LENGTH = 8;
    /** 24 random bytes: 192 bits, well above the 128 a dashboard link needs to be unguessable. */
    private static final int DASHBOARD_TOKEN_BYTES = 24;
    private static final int MAX_NAME_PART = 12;
    private static final int MAX_RANDOM_PART = 6;

    private final Tokens tokens;
    private final String number;

    CodeGenerator(Tokens tokens, @Value("${linkledger.assignments.promo-code-number:10}") String number) {
        this.tokens = tokens;
        this.number = number;
    }

    /** 8 base62 characters (~47 bits), random: knowing some codes tells nothing about others. */
    String linkCode() {
        return tokens.fromAlphabet(Tokens.BASE62, LINK_CODE_LENGTH);
    }

    String dashboardToken() {
        return tokens.urlSafe(DASHBOARD_TOKEN_BYTES);
    }

    /**
     * A promo code from the member's first name and the configured number, e.g. {@code LIAM10}.
     * From {@code round} 1 on (the plain code is taken) a random suffix is added, one character
     * longer each round, so even 10,000 members called "Alex" get codes: ALEX10, ALEX10K, ALEX10RW…
     */
    String promoCode(String firstName, int round) {
        String plain = namePart(firstName) + number;
        if (round == 0) {
            return plain;
        }
        return plain + tokens.fromAlphabet(SUFFIX_LETTERS, Math.min(round, MAX_RANDOM_PART));
    }

    /** The first name in capital ASCII letters (accents dropped); PARTNER when it has fewer than two. */
    private static String namePart(String firstName) {
        String ascii = Normalizer.normalize(firstName == null ? "" : firstName, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        for (char c : ascii.toCharArray()) {
            if (c >= 'A' && c <= 'Z' && out.length() < MAX_NAME_PART) {
                out.append(c);
            }
        }
        return out.length() >= 2 ? out.toString() : "PARTNER";
    }
}
