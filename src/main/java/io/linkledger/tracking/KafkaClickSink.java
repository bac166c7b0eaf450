package io.linkledger.tracking;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.SmartLifecycle;

import io.linkledger.shared.GroupCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;

/**
 * The kafka mode's {@link ClickSink}: each click is a record on the clicks topic, keyed by its
 * link code so that all of a link's clicks are in one partition, in order. The producer is
 * idempotent and waits for all in-sync replicas ({@code acks=all}); with the topic's
 * {@code min.insync.replicas=2} an acknowledged click survives the loss of a broker. The click is
 * acknowledged to the redirect only from the send's callback, after Kafka acknowledged it.
 *
 * <p>The producer's own batching (a short {@code linger.ms}) takes the place of the group commit.
 * Its time limits are kept below the redirect's acknowledgement timeout, so Kafka's "could not
 * take it in time" reaches the redirect as a 503 before the redirect gives up on its own: at most
 * {@code max.block.ms} in {@code send} (metadata, a full buffer), then at most
 * {@code delivery.timeout.ms} until the acknowledgement or the failure.
 *
 * <p>{@code send} can block (for {@code max.block.ms}, while the topic's metadata is unknown or the
 * buffer full), and a redirect's thread may be an event loop serving a thousand connections. So
 * clicks are handed to one publisher thread through a bounded queue, as to the database mode's
 * flusher: the caller never waits, and a full queue is a 503 at once.
 */
class KafkaClickSink implements ClickSink, SmartLifecycle {

    private final Map<String, Object> config;
    private final String topic;
    private final Counter published;
    private final Counter failed;
    private final Counter rejectedQueueFull;
    private final MeterRegistry meters;
    private final BlockingQueue<Pending> queue;
    private volatile Producer<String, byte[]> producer;
    private KafkaClientMetrics producerMetrics;
    private Thread publisher;
    private volatile boolean running;

    private record Pending(Clicked clicked, Ack ack) {
    }

    KafkaClickSink(Map<String, Object> clientConfig, String topic, Duration linger, Duration maxBlock,
            Duration deliveryTimeout, int queueCapacity, MeterRegistry meters) {
        this.config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, (int) linger.toMillis());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, maxBlock.toMillis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryTimeout.toMillis());
        // Kafka requires delivery.timeout.ms >= linger.ms + request.timeout.ms.
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) (deliveryTimeout.toMillis() - linger.toMillis()));
        config.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        config.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        this.topic = topic;
        this.meters = meters;
        this.published = meters.counter("linkledger.clicks.published");
        this.failed = meters.counter("linkledger.clicks.rejected", "reason", "kafka_unavailable");
        this.rejectedQueueFull = meters.counter("linkledger.clicks.rejected", "reason", "queue_full");
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        meters.gauge("linkledger.clicks.queue", queue, BlockingQueue::size);
    }

    @Override
    public void append(Clicked clicked, Ack ack) {
        if (!running) {
            ack.notStored(new ClickNotStored("click tracking is not running"));
        } else if (!queue.offer(new Pending(clicked, ack))) {
            rejectedQueueFull.increment();
            ack.notStored(new ClickNotStored("the click queue is full"));
        }
    }

    /** On the publisher thread. */
    private void publish(Pending pending) {
        Clicked clicked = pending.clicked();
        Ack ack = pending.ack();
        try {
            // Yesterday's visitor key needs yesterday's salt, read from the database once a day.
            byte[] value = StreamedClick.encode(clicked.click(), clicked.visitor().yesterday().get());
            // Errors Kafka reports (a metadata or buffer timeout included) come to the callback, once.
            producer.send(new ProducerRecord<>(topic, clicked.linkCode(), value), (metadata, error) -> {
                if (error == null) {
                    published.increment();
                    ack.stored();
                } else {
                    failed.increment();
                    ack.notStored(new ClickNotStored("Kafka did not take the click: " + error.getMessage(), error));
                }
            });
        } catch (RuntimeException e) {
            // Thrown only before the record was taken (the salt unreadable, a closed producer, an
            // interrupt): no callback follows.
            failed.increment();
            ack.notStored(new ClickNotStored("the click could not be sent to Kafka: " + e.getMessage(), e));
        }
    }

    @Override
    public void start() {
        Producer<String, byte[]> created = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        // Kafka's own producer metrics (kafka_producer_*: send rate, batch size, request latency, errors).
        producerMetrics = new KafkaClientMetrics(created);
        producerMetrics.bindTo(meters);
        producer = created;
        running = true;
        publisher = Thread.ofPlatform().name("click-publisher").start(
                () -> GroupCommit.drain(queue, 512, () -> running, batch -> batch.forEach(this::publish)));
    }

    /** Runs after the web server drained: what is still in flight is sent (its redirects waited for it) before closing. */
    @Override
    public void stop() {
        Producer<String, byte[]> current = producer;
        running = false;
        if (current != null) {
            try {
                // What is queued is still sent: its redirects are waiting for it.
                publisher.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            producer = null;
            current.close(Duration.ofSeconds(30));
            producerMetrics.close();
        }
    }

    @Override
    public boolean isRunning() {
        return producer != null;
    }

    /** Below the web server's phase: started before it takes requests, stopped after it drained. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 4096;
    }
}
