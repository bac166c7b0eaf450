package io.linkledger.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import io.linkledger.support.Api;
import io.linkledger.support.ApiTest;

/**
 * Kafka mode with no Kafka to reach (nothing listens on the bootstrap port): the node starts, the
 * redirect answers the same clear 503 page as when the database is away and stores nothing, and
 * health is DOWN. The context is closed after the class, so that its consumer does not go on
 * trying to reach Kafka through the rest of the suite.
 */
@DirtiesContext
@TestPropertySource(properties = {"linkledger.events.backend=kafka",
        "spring.kafka.bootstrap-servers=127.0.0.1:18119", "linkledger.events.topic=test.clicks.unreachable",
        "logging.level.org.apache.kafka=OFF", "linkledger.invalidations.start-timeout=1s"})
class KafkaDownTest extends ApiTest {

    @Test
    void redirectAnswersThe503PageAndStoresNothingWhenKafkaCannotBeReached() {
        String offerId = createLinkOffer("No Kafka").get("id").asString();
        String memberId = createMember("Kari Nordmann", "kari-" + UUID.randomUUID() + "@example.com").get("id")
                .asString();
        String link = assign(offerId, memberId).get(0).get("trackingLink").asString();

        Api.Response response = api.send(api.withKey(null).request("/r/" + link.substring(link.lastIndexOf('/') + 1))
                .header("User-Agent", RedirectApiTest.BROWSER).GET());

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("text/html");
        assertThat(response.body()).contains("Temporarily unavailable");
        assertThat(response.header("Location")).isNull();
        assertThat(count("select count(*) from clicks where offer_id = ?", UUID.fromString(offerId))).isZero();
    }

    /**
     * The producer's {@code send} waits for the topic's metadata here (up to max-block each time); the
     * clicks wait for it on the publisher thread, never on the edge's event loops, which go on
     * answering everyone else at once.
     */
    @Test
    void clicksWaitingForKafkaDoNotHoldUpTheEdge() throws Exception {
        String offerId = createLinkOffer("No Kafka, busy").get("id").asString();
        String memberId = createMember("Ola Nordmann", "ola-" + UUID.randomUUID() + "@example.com").get("id")
                .asString();
        String link = assign(offerId, memberId).get(0).get("trackingLink").asString();
        String code = link.substring(link.lastIndexOf('/') + 1);
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Api.Response>> clicks = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String agent = RedirectApiTest.BROWSER + " visitor/" + i;
                clicks.add(clients.submit(() -> api.send(api.withKey(null).request("/r/" + code)
                        .header("User-Agent", agent).GET())));
            }
            Thread.sleep(200);
            long started = System.nanoTime();
            Api.Response unknown = api.send(api.withKey(null).request("/r/NoSuchCode").GET());
            long millis = (System.nanoTime() - started) / 1_000_000;

            assertThat(unknown.status()).isEqualTo(404);
            assertThat(millis).as("answered while eight clicks wait for Kafka").isLessThan(1_000);
            for (Future<Api.Response> click : clicks) {
                assertThat(click.get(30, TimeUnit.SECONDS).status()).isEqualTo(503);
            }
        }
    }

    @Test
    void healthIsDownWhileKafkaCannotBeReached() {
        Api.Response health = api.withKey(null).get("/actuator/health");

        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().get("status").asString()).isEqualTo("DOWN");
    }
}
