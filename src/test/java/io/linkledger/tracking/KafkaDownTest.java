package io.linkledger.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

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
        "logging.level.org.apache.kafka=OFF"})
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

    @Test
    void healthIsDownWhileKafkaCannotBeReached() {
        Api.Response health = api.withKey(null).get("/actuator/health");

        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().get("status").asString()).isEqualTo("DOWN");
    }
}
