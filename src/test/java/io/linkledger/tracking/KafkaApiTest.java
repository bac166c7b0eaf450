package io.linkledger.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Collection;
import java.util.UUID;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import io.linkledger.support.Api;
import io.linkledger.support.ApiTest;
import io.linkledger.support.KafkaCluster;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The application in kafka mode on the real 3-broker cluster. Each test class has a topic and a
 * consumer group of its own: the cluster outlives test runs (and their databases), so an old
 * topic's clicks must not be read into this run's database. No other test class shares such a
 * context, so it is closed after its class: its consumers do not poll on through the rest of the suite.
 */
@DirtiesContext
@ExtendWith(KafkaCluster.class)
@TestPropertySource(properties = "linkledger.events.backend=kafka")
abstract class KafkaApiTest extends ApiTest {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @Autowired
    ClickTopic topic;
    @Autowired
    ClickStreamWriter writer;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ConsumerFactory<?, ?> consumers;
    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KafkaCluster::bootstrapServers);
    }

    record Link(UUID offerId, String code) {
    }

    Link link(String name) {
        String offerId = createLinkOffer(name).get("id").asString();
        String memberId = createMember("Ola Nordmann", "ola-" + UUID.randomUUID() + "@example.com").get("id").asString();
        String link = assign(offerId, memberId).get(0).get("trackingLink").asString();
        return new Link(UUID.fromString(offerId), link.substring(link.lastIndexOf('/') + 1));
    }

    Api.Response click(Link link, String userAgent) {
        return api.send(api.withKey(null).request("/r/" + link.code()).header("User-Agent", userAgent).GET());
    }

    /** The transaction id a 302 carries in the ShareASale destination's afftrack parameter. */
    static String transactionId(Api.Response redirect) {
        assertThat(redirect.status()).as(redirect.toString()).isEqualTo(302);
        String query = URI.create(redirect.header("Location")).getRawQuery();
        return query.substring(query.indexOf("afftrack=") + "afftrack=".length());
    }

    long stored(Collection<String> transactionIds) {
        return transactionIds.isEmpty() ? 0 : jdbc.sql("select count(*) from clicks where transaction_id in (:ids)")
                .param("ids", transactionIds).query(Long.class).single();
    }

    /** Waits until the consumers stored these clicks (the deadline only ends a hung test). */
    void awaitStored(Collection<String> transactionIds) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (stored(transactionIds) < transactionIds.size()) {
            assertThat(System.nanoTime() - deadline).as("clicks stored before the deadline").isNegative();
            Thread.sleep(100);
        }
    }
}
