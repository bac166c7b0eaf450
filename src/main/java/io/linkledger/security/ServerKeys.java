package io.linkledger.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.linkledger.shared.Sql;
import io.linkledger.shared.Tokens;

/**
 * The server key that seals tokens kept at rest. It is {@code LINKLEDGER_SECRET_KEY} (at least
 * 32 characters, e.g. {@code openssl rand -base64 32}); keys it replaced stay usable for opening
 * through {@code LINKLEDGER_SECRET_KEY_PREVIOUS}. Without a configured key one is generated on
 * first use and kept in the database (table {@code server_keys}), so sealed tokens survive
 * restarts and every node agrees; a start-up warning says that production must set a key.
 * Loaded on first use from the data source itself, not through beans that wait for Flyway, so
 * a Java migration may seal with it.
 */
@Component
class ServerKeys {

    static final int MIN_CONFIGURED_LENGTH = 32;
    private static final Logger log = LoggerFactory.getLogger(ServerKeys.class);
    private static final String GENERATED = "sealing";

    /** A sealing key and the short id written with everything it seals. */
    record Key(String id, SecretKeySpec spec) {
    }

    private final DataSource dataSource;
    private final Clock clock;
    private final String configured;
    private final List<String> previous;
    private volatile List<Key> ring;

    ServerKeys(DataSource dataSource, Clock clock, @Value("${linkledger.secret-key:}") String configured,
            @Value("${linkledger.secret-key-previous:}") List<String> previous) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.configured = configured.trim();
        this.previous = previous.stream().map(String::trim).filter(k -> !k.isEmpty()).toList();
        if (!this.configured.isEmpty() && this.configured.length() < MIN_CONFIGURED_LENGTH) {
            throw new IllegalStateException("LINKLEDGER_SECRET_KEY must be at least " + MIN_CONFIGURED_LENGTH
                    + " characters; make one with: openssl rand -base64 32");
        }
    }

    /** The key new seals use. */
    Key primary() {
        return ring().getFirst();
    }

    /** The key with this id, if it is the current one, a previous one or the generated one. */
    Optional<Key> find(String id) {
        return ring().stream().filter(key -> key.id().equals(id)).findFirst();
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnWithoutConfiguredKey() {
        if (configured.isEmpty()) {
            log.warn("LINKLEDGER_SECRET_KEY is not set: dashboard links are sealed with a key generated and kept in "
                    + "the database, which does not protect them from anyone who reads the database. Production must "
                    + "set LINKLEDGER_SECRET_KEY (openssl rand -base64 32); see docs/security.md");
        }
    }

    private List<Key> ring() {
        List<Key> keys = ring;
        if (keys == null) {
            synchronized (this) {
                if (ring == null) {
                    ring = load();
                }
                keys = ring;
            }
        }
        return keys;
    }

    private List<Key> load() {
        List<Key> keys = new ArrayList<>();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        if (!configured.isEmpty()) {
            keys.add(derive(configured));
            previous.forEach(key -> keys.add(derive(key)));
            // Tokens sealed before a key was configured stay readable.
            stored(jdbc).ifPresent(key -> keys.add(derive(key)));
        } else {
            keys.add(derive(stored(jdbc).orElseGet(() -> generate(jdbc))));
            previous.forEach(key -> keys.add(derive(key)));
        }
        return List.copyOf(keys);
    }

    private static Optional<String> stored(JdbcClient jdbc) {
        return jdbc.sql("select key_value from server_keys where name = ?").param(GENERATED).query(String.class)
                .optional();
    }

    /** Two nodes starting at once: one insert wins and both read the winner. */
    private String generate(JdbcClient jdbc) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        jdbc.sql("insert into server_keys (name, key_value, created_at) values (?, ?, ?) on conflict do nothing")
                .params(GENERATED, Base64.getEncoder().encodeToString(random), Sql.ts(clock.instant()))
                .update();
        return stored(jdbc).orElseThrow();
    }

    /** The sealing key made from a master secret, so the master itself is never used as a cipher key. */
    private static Key derive(String master) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] key = mac.doFinal("linkledger token sealing v1".getBytes(StandardCharsets.UTF_8));
            String id = Tokens.sha256(Base64.getEncoder().encodeToString(key)).substring(0, 8);
            return new Key(id, new SecretKeySpec(key, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
