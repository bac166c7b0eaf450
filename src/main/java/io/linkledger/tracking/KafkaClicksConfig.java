package io.linkledger.tracking;

import java.time.Duration;

import org.apache.kafka.clients.admin.Admin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The kafka mode ({@code linkledger.events.backend=kafka}): the click sink on the topic, the
 * consumers that store the clicks, the topic itself, consumer lag and Kafka's health. The clients
 * start from Spring Boot's {@code spring.kafka.*} settings (bootstrap servers, security, any client
 * property), and the settings that make clicks durable are set here over them. docs/tracking.md.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = EventsBackend.PROPERTY, havingValue = "kafka")
class KafkaClicksConfig {

    @Bean(destroyMethod = "close")
    Admin clickAdmin(KafkaAdmin kafkaAdmin) {
        return Admin.create(kafkaAdmin.getConfigurationProperties());
    }

    @Bean
    ClickTopic clickTopic(Admin clickAdmin, @Value("${linkledger.events.topic:linkledger.clicks}") String name,
            @Value("${linkledger.events.partitions:3}") int partitions,
            @Value("${linkledger.events.replication-factor:3}") short replicationFactor,
            @Value("${linkledger.events.admin-timeout:2s}") Duration timeout) {
        return new ClickTopic(clickAdmin, name, partitions, replicationFactor, timeout);
    }

    @Bean
    KafkaClickSink kafkaClickSink(ProducerFactory<?, ?> producers, ClickTopic clickTopic, MeterRegistry meters,
            @Value("${linkledger.events.linger:5ms}") Duration linger,
            @Value("${linkledger.events.max-block:500ms}") Duration maxBlock,
            @Value("${linkledger.events.delivery-timeout:1200ms}") Duration deliveryTimeout,
            @Value("${linkledger.tracking.ack-timeout:2s}") Duration ackTimeout,
            @Value("${linkledger.tracking.queue-capacity:10000}") int queueCapacity) {
        if (maxBlock.plus(deliveryTimeout).compareTo(ackTimeout) >= 0) {
            throw new IllegalStateException("linkledger.events.max-block (" + maxBlock + ") plus "
                    + "linkledger.events.delivery-timeout (" + deliveryTimeout + ") must be shorter than "
                    + "linkledger.tracking.ack-timeout (" + ackTimeout + "), so that Kafka's failure reaches the "
                    + "redirect before it gives up waiting");
        }
        return new KafkaClickSink(producers.getConfigurationProperties(), clickTopic.name(), linger, maxBlock,
                deliveryTimeout, queueCapacity, meters);
    }

    @Bean
    ClickStreamWriter clickStreamWriter(ClickStore store, ClickWriter writer) {
        return new ClickStreamWriter(store, writer);
    }

    @Bean
    ClickStream clickStream(ConsumerFactory<?, ?> consumers, ClickTopic clickTopic, ClickStreamWriter writer,
            TransactionTemplate transactions, MeterRegistry meters,
            @Value("${linkledger.events.consume:true}") boolean consume,
            @Value("${linkledger.events.consumer-threads:1}") int threads,
            @Value("${linkledger.events.consumer-group:linkledger-clicks}") String group,
            @Value("${linkledger.events.consumer-batch-size:2000}") int batchSize,
            @Value("${linkledger.events.retry-backoff:1s}") Duration retryBackoff) {
        return new ClickStream(clickTopic, () -> new ClickConsumer(consumers.getConfigurationProperties(), group,
                batchSize, clickTopic, writer, transactions, retryBackoff, meters), consume ? threads : 0);
    }

    @Bean
    ClickConsumerLag clickConsumerLag(Admin clickAdmin, ClickTopic clickTopic, MeterRegistry meters,
            @Value("${linkledger.events.consumer-group:linkledger-clicks}") String group,
            @Value("${linkledger.events.admin-timeout:2s}") Duration timeout) {
        return new ClickConsumerLag(clickAdmin, clickTopic.name(), group, timeout, meters);
    }

    /** Named so that health shows it as {@code kafka}. */
    @Bean
    KafkaHealth kafkaHealthIndicator(Admin clickAdmin, @Value("${linkledger.events.admin-timeout:2s}") Duration timeout) {
        return new KafkaHealth(clickAdmin, timeout);
    }
}
