package io.linkledger.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import io.linkledger.LinkledgerApplication;
import io.linkledger.support.Api;
import io.linkledger.support.ApiTest;
import io.linkledger.support.KafkaCluster;

/**
 * Kafka mode on the real 3-broker cluster, two nodes (this test's context and a second one in this
 * JVM) on one database: invalidations travel on the topic {@code linkledger.invalidations}, which
 * every node reads whole, on H2 as on PostgreSQL.
 */
@ExtendWith(KafkaCluster.class)
@TestPropertySource(properties = {"linkledger.events.backend=kafka",
        "linkledger.events.topic=" + KafkaInvalidationsTest.CLICKS, "linkledger.events.consumer-group=" + KafkaInvalidationsTest.CLICKS})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaInvalidationsTest extends ApiTest {

    /** A clicks topic and group of this class's own: the cluster outlives test runs and their databases. */
    static final String CLICKS = "linkledger.clicks.invalidations-test";
    private static final Duration ARRIVAL = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KafkaCluster::bootstrapServers);
    }

    @Autowired
    private Invalidations invalidations;

    private ConfigurableApplicationContext second;

    @BeforeAll
    void startSecondNode() {
        second = new SpringApplicationBuilder(LinkledgerApplication.class)
                .run("--server.port=0", "--spring.main.banner-mode=off",
                        "--spring.datasource.hikari.maximum-pool-size=4", "--spring.datasource.hikari.minimum-idle=1",
                        "--linkledger.events.backend=kafka", "--linkledger.events.topic=" + CLICKS,
                        "--linkledger.events.consumer-group=" + CLICKS,
                        "--spring.kafka.bootstrap-servers=" + KafkaCluster.bootstrapServers(),
                        // No entry of the second node's link cache expires during the test.
                        "--linkledger.tracking.link-cache-ttl=PT1H");
    }

    @AfterAll
    void stopSecondNode() {
        second.close();
    }

    @Test
    void anAnnouncementOnOneNodeReachesTheOther() {
        String key = UUID.randomUUID().toString();
        List<String> heard = new CopyOnWriteArrayList<>();
        second.getBean(Invalidations.class).subscribe("kafka-invalidations-test", heard::add, () -> { });

        invalidations.publish("kafka-invalidations-test", key);

        awaitTrue(() -> heard.contains(key));
    }

    @Test
    void anOfferChangedOnOneNodeIsFollowedByTheOthersRedirect() {
        String offerId = createLinkOffer("Kafka nodes").get("id").asString();
        String memberId = createMember("Kai Kafka", "kai." + UUID.randomUUID() + "@example.com").get("id").asString();
        String link = assign(offerId, memberId).get(0).get("trackingLink").asString();
        String path = "/r/" + link.substring(link.lastIndexOf('/') + 1);
        Api visitor = new Api("http://127.0.0.1:" + ((WebServerApplicationContext) second).getWebServer().getPort(), null);
        assertThat(visitor.get(path).header("Location")).startsWith("https://shareasale.com/");

        assertThat(api.patch("/api/v1/offers/" + offerId,
                Map.of("destinationUrl", "https://moved.example/?t={transaction_id}")).status()).isEqualTo(200);

        awaitTrue(() -> visitor.get(path).header("Location").startsWith("https://moved.example/?t="));
    }

    private static void awaitTrue(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(ARRIVAL);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the other node did not follow within " + ARRIVAL);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
