package io.linkledger.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import io.linkledger.support.Api;

/**
 * A postback that arrives while its click is still in Kafka waits for the click instead of being
 * refused as an unknown transaction id. This node only publishes ({@code consume=false}), so the
 * click stays in Kafka, deterministically, until the test starts a consumer of the group.
 */
@TestPropertySource(properties = {"linkledger.events.consume=false", "linkledger.events.postback-click-wait=20s"})
class KafkaPostbackTest extends KafkaApiTest {

    private static final String TOPIC = "test.postback-clicks." + RUN;
    private static final String GROUP = "test-postback-clicks-" + RUN;

    @DynamicPropertySource
    static void topic(DynamicPropertyRegistry registry) {
        registry.add("linkledger.events.topic", () -> TOPIC);
        registry.add("linkledger.events.consumer-group", () -> GROUP);
    }


    private String postbackKey() {
        return created(api.post("/api/v1/integrations", Map.of("type", "POSTBACK", "name", "Network")))
                .get("key").asString();
    }

    private Api.Response postback(String key, String transactionId, String orderId) {
        return api.withKey(null).get("/postback/" + key + "?transaction_id=" + transactionId + "&order_id=" + orderId
                + "&amount=80.00");
    }

    @Test
    void aPostbackForAClickStillInKafkaIsCreditedOnceTheClickIsStored() throws Exception {
        Link link = link("Quick shop");
        String key = postbackKey();
        String tid = transactionId(click(link, RedirectApiTest.BROWSER));
        assertThat(stored(List.of(tid))).isZero();

        CompletableFuture<Api.Response> answer = CompletableFuture.supplyAsync(() -> postback(key, tid, "SO-1"));
        ClickConsumer consumer = new ClickConsumer(consumers.getConfigurationProperties(), GROUP, 100, topic, writer,
                transactions, Duration.ofMillis(200), meters);
        Thread thread = Thread.ofPlatform().name("test-click-consumer").start(consumer);
        Api.Response response;
        try {
            response = answer.get();
        } finally {
            consumer.stop();
            thread.join();
        }

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        String conversionId = response.json().get("conversionId").asString();
        assertThat(count("select count(*) from conversions where id = ? and transaction_id = ?",
                UUID.fromString(conversionId), tid)).isEqualTo(1);
        assertThat(stored(List.of(tid))).isEqualTo(1);
    }

    @Test
    void aPostbackForATransactionIdNoClickHasIsStillRefusedAfterTheWait() {
        String key = postbackKey();

        Api.Response response = postback(key, "0000000000000000unknown0", "SO-2");

        assertThat(problem(response, 422).get("detail").asString()).contains("is unknown");
    }
}
