package io.linkledger.tracking;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.SmartLifecycle;

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
 */
class KafkaClickSink implements ClickSink, SmartLifecycle {

    private final Map<String, Object> config;
    private final String topic;
    private final Counter published;
    private final Counter failed;
    private final MeterRegistry meters;
    private volatile Producer<String, byte[]> producer;
    private KafkaClientMetrics producerMetrics;

    KafkaClickSink(Map<String, Object> clientConfig, String topic, Duration linger, Duration maxBlock,
            Duration deliveryTimeout, MeterRegistry meters) {
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
    }

    @Override
    public void append(Clicked clicked, Ack ack) {
        Producer<String, byte[]> current = producer;
        if (current == null) {
            ack.notStored(new ClickNotStored("click tracking is not running"));
            return;
        }
        try {
            // Yesterday's visitor key needs yesterday's salt, read from the database once a day.
            byte[] value = StreamedClick.encode(clicked.click(), clicked.visitor().yesterday().get());
            // Errors Kafka reports (a metadata or buffer timeout included) come to the callback, once.
            current.send(new ProducerRecord<>(topic, clicked.linkCode(), value), (metadata, error) -> {
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
    }

    /** Runs after the web server drained: what is still in flight is sent (its redirects waited for it) before closing. */
    @Override
    public void stop() {
        Producer<String, byte[]> current = producer;
        producer = null;
        if (current != null) {
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
