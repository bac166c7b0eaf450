package io.linkledger.shared;

import java.util.function.Consumer;

/**
 * Tells every node that something it may have cached changed (a link, an offer, an integration),
 * so caches learn of a change at once instead of when their entries expire. The transport depends
 * on the events backend: PostgreSQL LISTEN/NOTIFY in database mode, a Kafka topic in kafka mode,
 * nothing beyond this process on H2 (one node). Expiry stays the safety net for an announcement
 * lost on its way (a node that crashed between its commit and the announcement).
 */
public interface Invalidations {

    /**
     * Announces that {@code key} of {@code cache} changed: after the current transaction commits
     * (nothing is announced when it rolls back), or at once outside a transaction. This node's
     * subscribers are called before the method (or the commit) returns.
     */
    void publish(String cache, String key);

    /**
     * Calls {@code changed} on this node for every key of {@code cache} announced by any node, this
     * one included, and {@code everything} when announcements may have been missed (the node lost
     * its connection to the transport for a while), so the cache drops all it holds.
     */
    void subscribe(String cache, Consumer<String> changed, Runnable everything);
}
