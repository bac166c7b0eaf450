package io.linkledger.tracking;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where answered clicks go first ({@code linkledger.events.backend}, environment
 * {@code LINKLEDGER_EVENTS_BACKEND}): straight into the database by group commit, or onto the
 * Kafka topic of clicks, from which a consumer group stores them (docs/tracking.md, "Kafka mode").
 */
enum EventsBackend {
    DATABASE, KAFKA;

    static final String PROPERTY = "linkledger.events.backend";

    /** Binds the setting once, so a misspelt value stops the start with a clear message instead of leaving no click sink. */
    @Configuration(proxyBeanMethods = false)
    static class Setting {

        @Bean
        EventsBackend eventsBackend(@Value("${" + PROPERTY + ":database}") String value) {
            return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "database" -> DATABASE;
                case "kafka" -> KAFKA;
                default -> throw new IllegalStateException(PROPERTY + " is '" + value
                        + "'; it must be 'database' (the default) or 'kafka'");
            };
        }
    }
}
