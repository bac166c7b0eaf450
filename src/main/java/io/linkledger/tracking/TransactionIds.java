package io.linkledger.tracking;

import java.security.NoSuchAlgorithmException;
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

    /**
     * Several generators, picked by thread, because each is locked while it draws: one shared
     * generator (or the platform default, which reads one shared /dev/urandom stream under a
     * lock) makes concurrent redirects queue for it.
     */
    private static final int GENERATORS = 8;

    private final Generator[] generators = new Generator[GENERATORS];
    private final Clock clock;

    TransactionIds(Clock clock) {
        this.clock = clock;
        for (int i = 0; i < GENERATORS; i++) {
            generators[i] = new Generator();
        }
    }

    /** Whether {@code value} has the shape of the ids made here: 24 base62 characters. */
    static boolean couldBeOurs(String value) {
        if (value == null || value.length() != TIME_LENGTH + RANDOM_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (Tokens.BASE62.indexOf(value.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    String next() {
        char[] id = new char[TIME_LENGTH + RANDOM_LENGTH];
        long millis = clock.millis();
        for (int i = TIME_LENGTH - 1; i >= 0; i--) {
            id[i] = Tokens.BASE62.charAt((int) (millis % 62));
            millis /= 62;
        }
        generators[(int) (Thread.currentThread().threadId() % GENERATORS)].fill(id, TIME_LENGTH);
        return new String(id);
    }

    /**
     * A DRBG drawn from a block at a time: one call into it (with its locking, reseed check and
     * state update) serves about fifty ids instead of one. The bytes are the same stream, each used once.
     */
    private static final class Generator {

        private static final int BLOCK = 1024;

        private final SecureRandom random;
        private final byte[] block = new byte[BLOCK];
        private int next = BLOCK;

        Generator() {
            try {
                random = SecureRandom.getInstance("DRBG");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("the JDK has no DRBG SecureRandom", e);
            }
        }

        /** Fills {@code id} from {@code from} on with unbiased base62 characters. */
        synchronized void fill(char[] id, int from) {
            int filled = from;
            while (filled < id.length) {
                if (next == BLOCK) {
                    random.nextBytes(block);
                    next = 0;
                }
                int value = block[next++] & 0xFF;
                if (value < UNBIASED_LIMIT) {
                    id[filled++] = Tokens.BASE62.charAt(value % 62);
                }
            }
        }
    }
}
