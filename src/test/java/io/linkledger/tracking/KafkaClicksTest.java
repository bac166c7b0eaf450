package io.linkledger.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import io.linkledger.support.Api;
import io.linkledger.support.KafkaCluster;
import tools.jackson.databind.JsonNode;

/**
 * Kafka mode end to end on the real 3-broker cluster: a 302 only for a click Kafka acknowledged,
 * each such click stored exactly once, unique and bot clicks decided exactly by the consumer group
 * (two consumers in this node, so a visitor's links are decided by different ones), redelivery
 * stores and counts nothing twice, the consumers wait out a database outage, and a broker killed
 * under load loses no acknowledged click.
 */
@Import(KafkaClicksTest.ConsumerOutage.class)
@TestPropertySource(properties = {"linkledger.events.consumer-threads=2", "linkledger.events.partitions=3",
        "linkledger.events.consumer-batch-size=500", "linkledger.events.retry-backoff=200ms"})
class KafkaClicksTest extends KafkaApiTest {

    /** While {@code down}, the click consumers' threads cannot get a database connection, as when the database is away. */
    @TestConfiguration
    static class ConsumerOutage {

        volatile boolean down;
        final AtomicInteger refused = new AtomicInteger();

        @Bean
        static BeanPostProcessor consumerOutageDataSource(ObjectProvider<ConsumerOutage> outage) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof DataSource real)) {
                        return bean;
                    }
                    return new DelegatingDataSource(real) {
                        @Override
                        public Connection getConnection() throws SQLException {
                            ConsumerOutage o = outage.getObject();
                            if (o.down && Thread.currentThread().getName().startsWith("click-consumer")) {
                                o.refused.incrementAndGet();
                                throw new SQLTransientConnectionException("Connection refused (simulated outage)");
                            }
                            return super.getConnection();
                        }
                    };
                }
            };
        }
    }

    @Autowired
    ConsumerOutage outage;

    private static final String TOPIC = "test.clicks." + RUN;
    private static final String GROUP = "test-clicks-" + RUN;

    @DynamicPropertySource
    static void topic(DynamicPropertyRegistry registry) {
        registry.add("linkledger.events.topic", () -> TOPIC);
        registry.add("linkledger.events.consumer-group", () -> GROUP);
    }

    @Autowired
    Admin admin;
    @Autowired
    KafkaHealth kafkaHealth;

    private static String visitor(int i) {
        return RedirectApiTest.BROWSER + " visitor/" + i;
    }

    private static int partition(Link link) {
        return Utils.toPositive(Utils.murmur2(link.code().getBytes(StandardCharsets.UTF_8))) % 3;
    }

    /** Sends the clicks, 16 at a time; the transaction ids of those answered with a 302, and how many were not. */
    private record Sent(List<String> answered, int unavailable) {
    }

    private Sent send(List<Callable<Api.Response>> clicks) throws Exception {
        List<String> answered = new ArrayList<>();
        int unavailable = 0;
        try (ExecutorService clients = Executors.newFixedThreadPool(16)) {
            for (Future<Api.Response> f : clients.invokeAll(clicks)) {
                Api.Response response = f.get();
                if (response.status() == 503) {
                    unavailable++;
                } else {
                    answered.add(transactionId(response));
                }
            }
        }
        return new Sent(answered, unavailable);
    }

    private long clicksOf(Link link, String condition) {
        return count("select count(*) from clicks where offer_id = ? and " + condition, link.offerId());
    }

    private JsonNode report(Link link) {
        Api.Response response = api.get("/api/v1/reports/offers/" + link.offerId());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    @Test
    void everyRedirectAnsweredWith302HasExactlyOneStoredClick() throws Exception {
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            links.add(link("Load " + i));
        }
        List<Callable<Api.Response>> clicks = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Link link = links.get(i % links.size());
            String userAgent = visitor(i);
            clicks.add(() -> click(link, userAgent));
        }

        Sent sent = send(clicks);

        assertThat(sent.unavailable()).isZero();
        assertThat(Set.copyOf(sent.answered())).hasSize(300);
        awaitStored(sent.answered());
        long rows = 0;
        for (Link link : links) {
            rows += clicksOf(link, "true");
            assertThat(report(link).get("clicks").asLong()).isEqualTo(50);
            assertThat(report(link).get("uniqueClicks").asLong()).isEqualTo(50);
        }
        assertThat(rows).isEqualTo(300);
        String metrics = api.withKey("test-metrics-token-0123456789").get("/actuator/prometheus").body();
        assertThat(metrics).contains("linkledger_clicks_published_total", "linkledger_clicks_total{bot=\"false\"",
                "linkledger_clicks_consumer_batch_size_count", "linkledger_clicks_consumer_lag");
    }

    @Test
    void uniqueAndBotClicksAreDecidedExactlyPerLinkWhicheverConsumerReadsIt() throws Exception {
        // One link in each partition: with two consumers, at least two of them are read by different ones.
        Map<Integer, Link> byPartition = new HashMap<>();
        for (int i = 0; byPartition.size() < 3; i++) {
            Link link = link("Partition link " + i);
            byPartition.putIfAbsent(partition(link), link);
        }
        List<Link> links = List.copyOf(byPartition.values());
        String alice = visitor(1);
        String bob = visitor(2);
        String crawler = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
        List<Callable<Api.Response>> burst = new ArrayList<>();
        for (Link link : links) {
            for (int i = 0; i < 3; i++) {
                burst.add(() -> click(link, alice));
                burst.add(() -> click(link, crawler));
            }
            burst.add(() -> click(link, bob));
        }
        awaitStored(send(burst).answered());
        // Later, after the first clicks are stored: decided from the clicks table, not from the batch.
        List<String> again = new ArrayList<>();
        for (Link link : links) {
            again.add(transactionId(click(link, alice)));
        }
        awaitStored(again);

        for (Link link : links) {
            assertThat(clicksOf(link, "not is_bot")).as(link.code()).isEqualTo(5);
            assertThat(clicksOf(link, "is_unique")).as(link.code()).isEqualTo(2);
            assertThat(clicksOf(link, "is_bot")).as(link.code()).isEqualTo(3);
            assertThat(clicksOf(link, "is_bot and is_unique")).as(link.code()).isZero();
            JsonNode report = report(link);
            assertThat(report.get("clicks").asLong()).isEqualTo(5);
            assertThat(report.get("uniqueClicks").asLong()).isEqualTo(2);
            assertThat(report.get("botClicks").asLong()).isEqualTo(3);
        }
        for (String tid : again) {
            assertThat(count("select count(*) from clicks where transaction_id = ? and is_unique", tid)).isZero();
        }
    }

    /**
     * A consumer that stored a batch and died before committing its offsets: every click comes again.
     * A consumer group of its own, which has committed nothing, reads the whole topic again after the
     * clicks were stored: it stores nothing twice and counts nothing twice.
     */
    @Test
    void clicksDeliveredAgainAfterTheirBatchCommittedAreNeitherStoredNorCountedTwice() throws Exception {
        Link link = link("Redelivered");
        List<Callable<Api.Response>> clicks = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String userAgent = visitor(i % 10);
            clicks.add(() -> click(link, userAgent));
        }
        List<String> answered = send(clicks).answered();
        awaitStored(answered);
        JsonNode before = report(link);
        Map<String, Boolean> uniqueBefore = uniqueFlags(link);
        assertThat(before.get("clicks").asLong()).isEqualTo(40);
        assertThat(before.get("uniqueClicks").asLong()).isEqualTo(10);
        double redeliveredBefore = meters.counter("linkledger.clicks.consumer.redelivered").count();

        String replayGroup = "replay-" + UUID.randomUUID();
        ClickConsumer replay = new ClickConsumer(consumers.getConfigurationProperties(), replayGroup, 100, topic, writer,
                transactions, Duration.ofMillis(200), meters);
        Thread thread = Thread.ofPlatform().name("replay-consumer").start(replay);
        try {
            ClickConsumerLag replayLag = new ClickConsumerLag(admin, topic.name(), replayGroup, Duration.ofSeconds(5),
                    new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
            awaitCaughtUp(replayLag);
        } finally {
            replay.stop();
            thread.join();
        }

        assertThat(meters.counter("linkledger.clicks.consumer.redelivered").count() - redeliveredBefore)
                .isGreaterThanOrEqualTo(40);
        assertThat(clicksOf(link, "true")).isEqualTo(40);
        assertThat(uniqueFlags(link)).isEqualTo(uniqueBefore);
        JsonNode after = report(link);
        assertThat(after.get("clicks").asLong()).isEqualTo(40);
        assertThat(after.get("uniqueClicks").asLong()).isEqualTo(10);
    }

    private Map<String, Boolean> uniqueFlags(Link link) {
        Map<String, Boolean> flags = new HashMap<>();
        jdbc.sql("select transaction_id, is_unique from clicks where offer_id = ?").param(link.offerId())
                .query(rs -> {
                    flags.put(rs.getString("transaction_id"), rs.getBoolean("is_unique"));
                });
        return flags;
    }

    /**
     * Kafka mode keeps redirecting while the consumers cannot write: the clicks wait in Kafka, each
     * failed batch is read again, and once the database is back every click is stored once, with
     * the unique decisions one pass in order would make.
     */
    @Test
    void consumersReadTheirBatchAgainUntilTheDatabaseTakesIt() throws Exception {
        Link link = link("Database outage");
        outage.down = true;
        List<String> answered = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                answered.add(transactionId(click(link, visitor(i % 5))));
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (outage.refused.get() < 3) {
                assertThat(System.nanoTime() - deadline).as("consumers tried the database").isNegative();
                Thread.sleep(50);
            }
            assertThat(stored(answered)).isZero();
        } finally {
            outage.down = false;
        }

        awaitStored(answered);
        assertThat(clicksOf(link, "true")).isEqualTo(20);
        assertThat(clicksOf(link, "is_unique")).isEqualTo(5);
        for (int i = 0; i < 5; i++) {
            assertThat(count("select count(*) from clicks where transaction_id = ? and is_unique", answered.get(i)))
                    .as("first click of visitor %d", i).isEqualTo(1);
        }
        JsonNode report = report(link);
        assertThat(report.get("clicks").asLong()).isEqualTo(20);
        assertThat(report.get("uniqueClicks").asLong()).isEqualTo(5);
    }

    @Test
    void consumerLagIsAMetricAndHealthReportsKafka() throws Exception {
        Link link = link("Lag");
        awaitStored(List.of(transactionId(click(link, visitor(1)))));

        ClickConsumerLag lag = new ClickConsumerLag(admin, topic.name(), GROUP, Duration.ofSeconds(5),
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        awaitCaughtUp(lag);
        String metrics = api.withKey("test-metrics-token-0123456789").get("/actuator/prometheus").body();
        assertThat(metrics).containsPattern("(?m)^linkledger_clicks_consumer_lag 0\\.0$");

        var health = kafkaHealth.health();
        assertThat(health.getStatus().getCode()).isEqualTo("UP");
        assertThat(health.getDetails()).containsEntry("brokers", 3);
        assertThat(api.withKey(null).get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
    }

    /**
     * Clicks keep coming while a broker is killed with {@code kill -9} and started again. Some
     * redirects may answer 503 while the partitions it led move; every one answered with a 302 has
     * its click stored, once.
     */
    @Test
    void killingABrokerUnderLoadLosesNoAcknowledgedClick() throws Exception {
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            links.add(link("Broker loss " + i));
        }
        Set<String> answered = ConcurrentHashMap.newKeySet();
        Set<String> unexpected = ConcurrentHashMap.newKeySet();
        AtomicBoolean loading = new AtomicBoolean(true);
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            int client = c;
            clients.add(Thread.ofPlatform().name("load-" + c).start(() -> {
                for (int i = 0; loading.get(); i++) {
                    Api.Response response;
                    try {
                        response = click(links.get(i % links.size()), visitor(client * 100_000 + i));
                    } catch (IllegalStateException e) {
                        // No answer in the client's time (an overloaded machine): not a 302, so nothing to check.
                        continue;
                    }
                    if (response.status() == 302) {
                        answered.add(transactionId(response));
                    } else if (response.status() != 503) {
                        unexpected.add(response.toString());
                    }
                }
            }));
        }
        try {
            awaitAnswered(answered, 100);
            KafkaCluster.kill(2);
            try {
                awaitAnswered(answered, answered.size() + 300);
            } finally {
                KafkaCluster.restart(2);
            }
            awaitAnswered(answered, answered.size() + 100);
        } finally {
            loading.set(false);
            for (Thread t : clients) {
                t.join();
            }
        }

        assertThat(unexpected).isEmpty();
        awaitStored(answered);
        for (String tid : answered) {
            assertThat(count("select count(*) from clicks where transaction_id = ?", tid)).as(tid).isEqualTo(1);
        }
    }

    /** Waits until the group's lag is zero; Kafka not answering in time is asked again (the deadline only ends a hung test). */
    private static void awaitCaughtUp(ClickConsumerLag lag) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            try {
                if (lag.lag() == 0) {
                    return;
                }
            } catch (java.util.concurrent.TimeoutException e) {
                // asked again below
            }
            assertThat(System.nanoTime() - deadline).as("consumer group caught up").isNegative();
            Thread.sleep(100);
        }
    }

    /** Waits until the load has had this many clicks acknowledged (the deadline only ends a hung test). */
    private static void awaitAnswered(Set<String> answered, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (answered.size() < atLeast) {
            assertThat(System.nanoTime() - deadline).as("clicks acknowledged before the deadline").isNegative();
            Thread.sleep(50);
        }
    }
}
