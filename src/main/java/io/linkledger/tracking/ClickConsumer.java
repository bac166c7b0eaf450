package io.linkledger.tracking;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;

/**
 * One member of the clicks consumer group, on its own thread: reads clicks in large batches,
 * stores each batch in one database transaction ({@link ClickStreamWriter}: rows, unique flags and
 * rollup counts together), and only then commits the batch's offsets. Dying between the two
 * commits costs nothing: the batch is delivered again and nothing in it is stored twice.
 *
 * <p>When the database cannot take a batch, the consumer goes back to the batch's first offsets
 * and tries again after a pause, for as long as it takes: a click is never skipped. A record that
 * is not a click at all (written by something else) is logged and skipped.
 */
class ClickConsumer implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ClickConsumer.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final Map<String, Object> config;
    private final ClickTopic topic;
    private final ClickStreamWriter writer;
    private final TransactionTemplate transactions;
    private final Duration retryBackoff;
    private final Counter humanClicks;
    private final Counter uniqueClicks;
    private final Counter botClicks;
    private final Counter redelivered;
    private final Counter undecodable;
    private final DistributionSummary batchSizes;
    private final MeterRegistry meters;
    private volatile boolean running = true;
    private volatile Consumer<String, byte[]> consumer;

    ClickConsumer(Map<String, Object> clientConfig, String groupId, int batchSize, ClickTopic topic,
            ClickStreamWriter writer, TransactionTemplate transactions, Duration retryBackoff, MeterRegistry meters) {
        this.config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A new group starts at the beginning: clicks written before any consumer ran must be stored too.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, batchSize);
        config.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
        config.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
        this.topic = topic;
        this.writer = writer;
        this.transactions = transactions;
        this.retryBackoff = retryBackoff;
        this.meters = meters;
        this.humanClicks = meters.counter("linkledger.clicks", "bot", "false");
        this.botClicks = meters.counter("linkledger.clicks", "bot", "true");
        this.uniqueClicks = meters.counter("linkledger.clicks.unique");
        this.redelivered = Counter.builder("linkledger.clicks.consumer.redelivered")
                .description("Clicks read again from Kafka that were stored already, and so skipped").register(meters);
        this.undecodable = Counter.builder("linkledger.clicks.consumer.undecodable")
                .description("Records on the clicks topic that are not clicks, skipped").register(meters);
        this.batchSizes = DistributionSummary.builder("linkledger.clicks.consumer.batch.size")
                .description("Clicks read from Kafka per database transaction").register(meters);
    }

    @Override
    public void run() {
        while (running) {
            try {
                if (topic.ensure()) {
                    consume();
                } else {
                    pause();
                }
            } catch (WakeupException e) {
                // stop() woke the consumer up; the loop ends as running is false.
            } catch (RuntimeException e) {
                log.warn("The click consumer failed; it starts again in {} ms: {}", retryBackoff.toMillis(), e.toString());
                pause();
            }
        }
    }

    private void consume() {
        try (Consumer<String, byte[]> c = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer());
                // Kafka's own consumer metrics (kafka_consumer_*: fetch rate, records lag of this member, commits).
                KafkaClientMetrics metrics = new KafkaClientMetrics(c)) {
            metrics.bindTo(meters);
            consumer = c;
            if (!running) {
                return;
            }
            c.subscribe(List.of(topic.name()));
            while (running) {
                ConsumerRecords<String, byte[]> records = c.poll(POLL);
                if (!records.isEmpty()) {
                    handle(c, records);
                }
            }
        } finally {
            consumer = null;
        }
    }

    private void handle(Consumer<String, byte[]> c, ConsumerRecords<String, byte[]> records) {
        List<StreamedClick> clicks = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> r : records) {
            try {
                clicks.add(StreamedClick.decode(r.value()));
            } catch (IllegalArgumentException e) {
                undecodable.increment();
                log.error("Skipping record {}-{}@{}: not a click ({})", r.topic(), r.partition(), r.offset(),
                        e.getMessage());
            }
        }
        List<Click> stored;
        try {
            stored = transactions.execute(status -> writer.write(clicks));
        } catch (RuntimeException e) {
            log.warn("Could not store a batch of {} clicks from Kafka; reading it again in {} ms: {}", clicks.size(),
                    retryBackoff.toMillis(), e.toString());
            rewind(c, records);
            pause();
            return;
        }
        count(clicks.size(), stored);
        try {
            c.commitSync(nextOffsets(records));
        } catch (CommitFailedException | RebalanceInProgressException e) {
            // The partitions are moving to another consumer, which reads the batch again from the last
            // committed offsets and recognises its clicks as stored.
            log.info("Offsets of a stored batch of {} clicks not committed, the group is rebalancing: {}",
                    clicks.size(), e.getMessage());
        }
    }

    private void count(int read, List<Click> stored) {
        batchSizes.record(read);
        redelivered.increment(read - stored.size());
        for (Click click : stored) {
            if (click.bot()) {
                botClicks.increment();
            } else {
                humanClicks.increment();
                if (click.unique()) {
                    uniqueClicks.increment();
                }
            }
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> inPartition = records.records(partition);
            offsets.put(partition, new OffsetAndMetadata(inPartition.getLast().offset() + 1));
        }
        return offsets;
    }

    /** Back to the first record of the batch in each partition this consumer still holds. */
    private static void rewind(Consumer<String, byte[]> c, ConsumerRecords<String, byte[]> records) {
        for (TopicPartition partition : records.partitions()) {
            if (c.assignment().contains(partition)) {
                c.seek(partition, records.records(partition).getFirst().offset());
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(retryBackoff);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Ends the loop: a poll under way returns at once; a batch being stored is finished first. */
    void stop() {
        running = false;
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }
}
