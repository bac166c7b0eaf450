package io.linkledger.tracking;

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

    private final Tokens tokens;
    private final Clock clock;

    TransactionIds(Tokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    String next() {
        long millis = clock.millis();
        char[] time = new char[TIME_LENGTH];
        for (int i = TIME_LENGTH - 1; i >= 0; i--) {
            time[i] = Tokens.BASE62.charAt((int) (millis % 62));
            millis /= 62;
        }
        return new String(time) + tokens.fromAlphabet(Tokens.BASE62, RANDOM_LENGTH);
    }
}
