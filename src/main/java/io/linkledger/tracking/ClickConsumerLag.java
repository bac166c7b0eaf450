package io.linkledger.tracking;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code linkledger.clicks.consumer.lag}: how many clicks are on the topic but not yet stored, for
 * the whole consumer group (end offsets minus the group's committed offsets, over all partitions),
 * so every node reports the same figure whichever partitions it reads. Asked of Kafka when the
 * metric is read; NaN when Kafka cannot answer in time.
 */
class ClickConsumerLag {

    private static final Logger log = LoggerFactory.getLogger(ClickConsumerLag.class);

    private final Admin admin;
    private final String topic;
    private final String group;
    private final Duration timeout;

    ClickConsumerLag(Admin admin, String topic, String group, Duration timeout, MeterRegistry meters) {
        this.admin = admin;
        this.topic = topic;
        this.group = group;
        this.timeout = timeout;
        Gauge.builder("linkledger.clicks.consumer.lag", this, ClickConsumerLag::lagOrNaN)
                .description("Clicks on the Kafka topic not yet stored in the database, for the whole consumer group")
                .register(meters);
    }

    private double lagOrNaN() {
        try {
            return lag();
        } catch (ExecutionException | TimeoutException e) {
            log.debug("Could not read the click consumer lag: {}", e.toString());
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    /** Clicks not yet stored: the sum over the topic's partitions of end offset minus committed offset. */
    long lag() throws ExecutionException, TimeoutException, InterruptedException {
        long millis = timeout.toMillis();
        TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                .get(millis, TimeUnit.MILLISECONDS).get(topic);
        Map<TopicPartition, OffsetSpec> latest = description.partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                .get(millis, TimeUnit.MILLISECONDS);
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(millis, TimeUnit.MILLISECONDS);
        long lag = 0;
        for (Map.Entry<TopicPartition, ListOffsetsResultInfo> end : ends.entrySet()) {
            OffsetAndMetadata done = committed.get(end.getKey());
            lag += end.getValue().offset() - (done == null ? 0 : done.offset());
        }
        return lag;
    }
}
