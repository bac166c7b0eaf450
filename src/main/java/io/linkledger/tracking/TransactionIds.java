package io.linkledger.tracking;

import java.security.SecureRandom;
import java.time.Clock;

import org.springframework.stereotype.Component;

import io.linkledger.shared.Tokens;

/**
 * Transaction ids: 24 base62 characters, alphanumeric only so every network accepts them
 * (ShareASale's afftrack allows nothing else). Eight characters of time first keep new ids
 * together at the end of the primary key index; sixteen random ones (~95 bits) make them
 * unique and unguessable.
 */
@Component
class TransactionIds {

    static final int RANDOM_LENGTH = 16;
    private static final int TIME_LENGTH = 8;
    /** The largest multiple of 62 in a byte: higher bytes are drawn again, so every character is equally likely. */
    private static final int UNBIASED_LIMIT = 62 * 4;

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    TransactionIds(Clock clock) {
        this.clock = clock;
    }

    String next() {
        char[] id = new char[TIME_LENGTH + RANDOM_LENGTH];
        long millis = clock.millis();
        for (int i = TIME_LENGTH - 1; i >= 0; i--) {
            id[i] = Tokens.BASE62.charAt((int) (millis % 62));
            millis /= 62;
        }
        // One draw from the shared generator per id, not one per character: it is locked per call.
        byte[] bytes = new byte[RANDOM_LENGTH * 2];
        int filled = TIME_LENGTH;
        while (filled < id.length) {
            random.nextBytes(bytes);
            for (int i = 0; i < bytes.length && filled < id.length; i++) {
                int value = bytes[i] & 0xFF;
                if (value < UNBIASED_LIMIT) {
                    id[filled++] = Tokens.BASE62.charAt(value % 62);
                }
            }
        }
        return new String(id);
    }
}
