package io.linkledger.tracking;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.context.SmartLifecycle;

/**
 * The kafka mode's running parts on this node: the clicks topic made sure of at start, and, on a
 * node that consumes ({@code linkledger.events.consume}), its members of the clicks consumer group,
 * each on its own thread.
 */
class ClickStream implements SmartLifecycle {

    private final ClickTopic topic;
    private final Supplier<ClickConsumer> consumers;
    private final int threads;
    private final List<ClickConsumer> running = new ArrayList<>();
    private final List<Thread> runningThreads = new ArrayList<>();
    private volatile boolean started;

    /** {@code threads} consumers from {@code consumers}; none on a node that only publishes. */
    ClickStream(ClickTopic topic, Supplier<ClickConsumer> consumers, int threads) {
        this.topic = topic;
        this.consumers = consumers;
        this.threads = threads;
    }

    @Override
    public void start() {
        // Not fatal: a node may start while Kafka is away; its consumers try again until it is back.
        topic.ensure();
        for (int i = 0; i < threads; i++) {
            ClickConsumer consumer = consumers.get();
            running.add(consumer);
            runningThreads.add(Thread.ofPlatform().name("click-consumer-" + i).start(consumer));
        }
        started = true;
    }

    @Override
    public void stop() {
        running.forEach(ClickConsumer::stop);
        for (Thread thread : runningThreads) {
            try {
                thread.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        running.clear();
        runningThreads.clear();
        started = false;
    }

    @Override
    public boolean isRunning() {
        return started;
    }
}
