package io.linkledger.shared;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Delivers an announcement to this node's subscribers at once (after the commit) and sends it to
 * the other nodes through the channel as {@code node|cache|key}; a node skips its own notices when
 * they come back, having delivered them already.
 */
class InvalidationBus implements Invalidations, InvalidationChannel.Receiver {

    private static final Logger log = LoggerFactory.getLogger(InvalidationBus.class);
    private static final char SEPARATOR = '|';

    private record Subscriber(Consumer<String> changed, Runnable everything) {
    }

    private final String node = UUID.randomUUID().toString();
    private final Map<String, List<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private final InvalidationChannel channel;

    InvalidationBus(InvalidationChannel channel) {
        this.channel = channel;
    }

    /** Starts receiving other nodes' notices; called once the bus is a bean. */
    void open() {
        channel.open(this);
    }

    @Override
    public void publish(String cache, String key) {
        if (cache.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException("a cache name cannot hold '" + SEPARATOR + "': " + cache);
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    announce(cache, key);
                }
            });
        } else {
            announce(cache, key);
        }
    }

    private void announce(String cache, String key) {
        deliver(cache, key);
        try {
            channel.send(node + SEPARATOR + cache + SEPARATOR + key);
        } catch (RuntimeException e) {
            // The change is committed: other nodes see it when their entries expire.
            log.warn("Could not tell other nodes that {} {} changed: {}", cache, key, e.getMessage());
        }
    }

    @Override
    public void subscribe(String cache, Consumer<String> changed, Runnable everything) {
        subscribers.computeIfAbsent(cache, c -> new CopyOnWriteArrayList<>()).add(new Subscriber(changed, everything));
    }

    @Override
    public void received(String notice) {
        int first = notice.indexOf(SEPARATOR);
        int second = notice.indexOf(SEPARATOR, first + 1);
        if (first < 0 || second < 0) {
            log.warn("Ignored a malformed invalidation notice");
            return;
        }
        if (!notice.startsWith(node + SEPARATOR)) {
            deliver(notice.substring(first + 1, second), notice.substring(second + 1));
        }
    }

    @Override
    public void missed() {
        subscribers.values().forEach(list -> list.forEach(s -> s.everything().run()));
    }

    private void deliver(String cache, String key) {
        subscribers.getOrDefault(cache, List.of()).forEach(s -> s.changed().accept(key));
    }
}
