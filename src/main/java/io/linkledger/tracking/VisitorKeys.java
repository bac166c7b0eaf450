package io.linkledger.tracking;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import io.linkledger.shared.Tokens;

/**
 * A visitor key is SHA-256 of a secret salt, the IP address and the user agent. The salt
 * changes every UTC day and is deleted after two days, so keys recognise a repeat visit for
 * a day but can never be turned back into an IP address. No raw IP is stored anywhere.
 */
@Component
class VisitorKeys {

    private static final int SALT_BYTES = 32;

    private final VisitorSaltRepository repository;
    private final Tokens tokens;
    private final ConcurrentMap<LocalDate, String> salts = new ConcurrentHashMap<>();

    VisitorKeys(VisitorSaltRepository repository, Tokens tokens) {
        this.repository = repository;
        this.tokens = tokens;
    }

    /**
     * The keys of this visitor on the day of {@code at} and on the day before. Yesterday's is
     * needed only when the visitor is not in memory, so it is hashed only then.
     */
    record Keys(String today, Supplier<String> yesterday) {
    }

    Keys keys(String ip, String userAgent, Instant at) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        return new Keys(key(salt(day), ip, userAgent), () -> key(salt(day.minusDays(1)), ip, userAgent));
    }

    private static String key(String salt, String ip, String userAgent) {
        return Tokens.sha256(salt + '\n' + ip + '\n' + (userAgent == null ? "" : userAgent));
    }

    private String salt(LocalDate day) {
        String salt = salts.get(day);
        if (salt != null) {
            return salt;
        }
        salt = salts.computeIfAbsent(day, this::loadOrCreate);
        salts.keySet().removeIf(known -> known.isBefore(day.minusDays(2)));
        return salt;
    }

    /** One salt per day for all nodes: the first node to need it creates it. */
    private String loadOrCreate(LocalDate day) {
        return repository.find(day).orElseGet(() -> {
            repository.insertIfAbsent(day, tokens.urlSafe(SALT_BYTES));
            repository.deleteBefore(day.minusDays(1));
            return repository.find(day).orElseThrow();
        });
    }
}
