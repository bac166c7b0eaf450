package io.linkledger.shared;

import java.util.function.Consumer;

/**
 * Tells every node that something it may have cached changed (a link, an offer, an integration),
 * so caches learn of a change at once instead of when their entries expire. The transport depends
 * on the events backend: PostgreSQL LISTEN/NOTIFY in database mode, a Kafka topic in kafka mode.
 */
public interface Invalidations {

    /**
     * Announces that {@code key} of {@code cache} changed: after the current transaction commits
     * (nothing is announced when it rolls back), or at once outside a transaction.
     */
    void publish(String cache, String key);

    /** Calls {@code changed} on this node for every key of {@code cache} announced by any node, this one included. */
    void subscribe(String cache, Consumer<String> changed);
}
