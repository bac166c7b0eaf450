package io.linkledger.shared;

import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Picks how invalidations travel between nodes: the Kafka topic in kafka mode
 * ({@code linkledger.events.backend=kafka}), otherwise PostgreSQL LISTEN/NOTIFY when the database
 * is PostgreSQL, and nowhere on H2, whose database one node holds.
 */
@Configuration(proxyBeanMethods = false)
class InvalidationsConfig {

    @Bean
    InvalidationChannel invalidationChannel(DataSource dataSource, DataSourceProperties database,
            ObjectProvider<ProducerFactory<?, ?>> producers, ObjectProvider<ConsumerFactory<?, ?>> consumers,
            ObjectProvider<KafkaAdmin> admin,
            @Value("${linkledger.events.backend:database}") String backend,
            @Value("${linkledger.events.replication-factor:3}") short replicationFactor,
            @Value("${linkledger.invalidations.reconnect-delay:PT5S}") Duration reconnectDelay,
            @Value("${linkledger.events.admin-timeout:2s}") Duration adminTimeout,
            @Value("${linkledger.invalidations.start-timeout:30s}") Duration startTimeout) {
        if (backend.trim().equalsIgnoreCase("kafka")) {
            return new KafkaInvalidationChannel(producers.getObject().getConfigurationProperties(),
                    consumers.getObject().getConfigurationProperties(), admin.getObject().getConfigurationProperties(),
                    replicationFactor, reconnectDelay, adminTimeout, startTimeout);
        }
        String url = database.determineUrl();
        if (url != null && url.startsWith("jdbc:postgresql:")) {
            return new PostgresInvalidationChannel(dataSource, url, database.determineUsername(),
                    database.determinePassword(), reconnectDelay);
        }
        return InvalidationChannel.NONE;
    }

    @Bean(initMethod = "open")
    InvalidationBus invalidations(InvalidationChannel channel) {
        return new InvalidationBus(channel);
    }
}
