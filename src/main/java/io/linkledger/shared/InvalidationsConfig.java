package io.linkledger.shared;

import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Picks how invalidations travel between nodes: PostgreSQL LISTEN/NOTIFY when the database is
 * PostgreSQL, nowhere on H2, whose database one node holds.
 */
@Configuration(proxyBeanMethods = false)
class InvalidationsConfig {

    @Bean
    InvalidationChannel invalidationChannel(DataSource dataSource, DataSourceProperties database,
            @Value("${linkledger.invalidations.reconnect-delay:PT5S}") Duration reconnectDelay) {
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
