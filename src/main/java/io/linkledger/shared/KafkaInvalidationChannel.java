package io.linkledger.shared;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Invalidations on the Kafka topic {@code linkledger.invalidations} (kafka mode): every node reads
 * all of it, without a consumer group, from the end of each partition as it starts (what was
 * announced before a node started is not in its caches). The topic is created when absent, one
 * partition, as many replicas as the clicks topic. When the consumer fails, a new one starts from
 * the end after {@code reconnect-delay} and the gap is reported as {@link Receiver#missed()}; a
 * broker going away is not such a failure (the client keeps its place and reads on when the
 * partition has a leader again).
 */
class KafkaInvalidationChannel implements InvalidationChannel, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(KafkaInvalidationChannel.class);
    static final String TOPIC = "linkledger.invalidations";

    private final Map<String, Object> consumerConfig;
    private final Map<String, Object> adminConfig;
    private final short replicationFactor;
    private final Duration reconnectDelay;
    private final Duration adminTimeout;
    private final Duration startTimeout;
    private final KafkaProducer<String, String> producer;
    private volatile boolean open = true;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread listener;

    /** The clients' settings are Spring Boot's ({@code spring.kafka.*}), with what this channel needs set over them. */
    KafkaInvalidationChannel(Map<String, Object> producerConfig, Map<String, Object> consumerConfig,
            Map<String, Object> adminConfig, short replicationFactor, Duration reconnectDelay, Duration adminTimeout,
            Duration startTimeout) {
        this.consumerConfig = consumerConfig;
        this.adminTimeout = adminTimeout;
        this.startTimeout = startTimeout;
        this.adminConfig = adminConfig;
        this.replicationFactor = replicationFactor;
        this.reconnectDelay = reconnectDelay;
        Map<String, Object> config = new HashMap<>(producerConfig);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    @Override
    public void send(String notice) {
        producer.send(new ProducerRecord<>(TOPIC, notice), (metadata, failure) -> {
            if (failure != null) {
                log.warn("An invalidation did not reach Kafka; other nodes rely on expiry: {}", failure.toString());
            }
        });
    }

    @Override
    public void open(Receiver receiver) {
        createTopic();
        CountDownLatch reading = new CountDownLatch(1);
        listener = Thread.ofPlatform().daemon().name("invalidations-listener").start(() -> listen(receiver, reading));
        try {
            if (!reading.await(startTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Not yet reading invalidations from Kafka; caches rely on expiry until it does");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void createTopic() {
        // Closed without waiting for a call Kafka never answered (closing would wait the default API timeout, 60 s).
        Admin admin = Admin.create(adminConfig);
        try {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, replicationFactor)),
                    new CreateTopicsOptions().timeoutMs((int) adminTimeout.toMillis()))
                    .all().get(adminTimeout.toMillis(), TimeUnit.MILLISECONDS);
            log.info("Created the Kafka topic {}", TOPIC);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                log.warn("Could not create the Kafka topic {}: {}", TOPIC, e.getCause().toString());
            }
        } catch (TimeoutException e) {
            log.warn("Could not create the Kafka topic {}: Kafka did not answer within {} ms", TOPIC, adminTimeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            admin.close(Duration.ZERO);
        }
    }

    private void listen(Receiver receiver, CountDownLatch reading) {
        boolean reconnected = false;
        while (open) {
            Map<String, Object> config = new HashMap<>(consumerConfig);
            config.remove(ConsumerConfig.GROUP_ID_CONFIG);
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(config, new StringDeserializer(),
                    new StringDeserializer())) {
                consumer = reader;
                List<TopicPartition> partitions = reader.partitionsFor(TOPIC).stream()
                        .map(p -> new TopicPartition(TOPIC, p.partition()))
                        .toList();
                reader.assign(partitions);
                reader.seekToEnd(partitions);
                // Resolves the end now, so that a notice sent once this returns is read.
                partitions.forEach(reader::position);
                reading.countDown();
                if (reconnected) {
                    receiver.missed();
                }
                while (open) {
                    for (ConsumerRecord<String, String> record : reader.poll(Duration.ofSeconds(10))) {
                        receiver.received(record.value());
                    }
                }
            } catch (RuntimeException e) {
                // A WakeupException is the node closing the reader: open is false then.
                if (open) {
                    log.warn("Invalidation reader failed, starting again in {}: {}", reconnectDelay, e.toString());
                    reconnected = true;
                    pause();
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(reconnectDelay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            open = false;
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        open = false;
        KafkaConsumer<String, String> reader = consumer;
        if (reader != null) {
            reader.wakeup();
        }
        if (listener != null) {
            listener.join(Duration.ofSeconds(5));
        }
        producer.close(Duration.ofSeconds(5));
    }
}
