package io.linkledger.conversions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import io.linkledger.conversions.Decision.Ignored;
import io.linkledger.conversions.Integration.CreditPriority;
import io.linkledger.conversions.Integration.Credentials;
import io.linkledger.conversions.Integration.Crediting;
import io.linkledger.conversions.Integration.Reading;
import io.linkledger.conversions.Integration.Signature;
import io.linkledger.conversions.PostbackBatch.Received;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The flusher outlives whatever a batch throws, even an Error, and the health check sees when it is gone. */
class PostbackBatcherTest {

    /** A batch that throws what it is told to, then decides normally. */
    private static final class FailingBatch extends PostbackBatch {
        private final AtomicInteger calls = new AtomicInteger();
        private final Throwable first;

        FailingBatch(Throwable first) {
            super(null, null, Clock.systemUTC());
            this.first = first;
        }

        @Override
        List<Decision> handle(List<Received> batch) {
            if (calls.getAndIncrement() == 0) {
                sneakyThrow(first);
            }
            return batch.stream().map(r -> (Decision) new Ignored("decided")).toList();
        }

        @SuppressWarnings("unchecked")
        private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
            throw (T) t;
        }
    }

    /** Transactions that do nothing: the batcher's own behaviour is what is tested. */
    private static final class NoTransactions extends AbstractPlatformTransactionManager {
        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }

    private PostbackBatcher batcher;

    private PostbackBatcher batcher(Throwable first) {
        batcher = new PostbackBatcher(new FailingBatch(first), new TransactionTemplate(new NoTransactions()),
                new SimpleMeterRegistry(), 16, 100, Duration.ofSeconds(5));
        batcher.start();
        return batcher;
    }

    @AfterEach
    void stop() {
        batcher.stop();
    }

    private static Received received() {
        Integration integration = new Integration(UUID.randomUUID(), UUID.randomUUID(), IntegrationType.POSTBACK, "N",
                new Credentials("h", null, Signature.NONE, null, null, null, List.of()),
                new Reading(Map.of(), java.time.ZoneOffset.UTC, "orders/paid"), new Crediting(null, CreditPriority.LINK),
                Instant.EPOCH, Integration.Access.NEW);
        Inbound inbound = new Inbound("GET", "transaction_id=t", Map.of(), null, "127.0.0.1");
        return new Received(integration, InboundRequest.received(UUID.randomUUID(), integration, Instant.now(), inbound),
                null, null);
    }

    @Test
    void aBatchThrowingAnErrorIsHandedBackAndTheFlusherGoesOn() {
        PostbackBatcher batcher = batcher(new OutOfMemoryError("simulated"));
        PostbackIntakeHealth health = new PostbackIntakeHealth(batcher);

        // The failed batch's postback is processed on its own instead: the caller gets no decision.
        assertThat(batcher.submit(received())).isEmpty();

        assertThat(batcher.flushing()).isTrue();
        assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
        assertThat(batcher.submit(received())).get().isInstanceOf(Ignored.class);
    }

    @Test
    void aStoppedFlusherIsReportedDownAndStartedAgainByTheNextPostback() throws Exception {
        PostbackBatcher batcher = batcher(new IllegalStateException("first batch fails"));
        PostbackIntakeHealth health = new PostbackIntakeHealth(batcher);
        Thread flusher = batcher.flusherThread();

        flusher.interrupt();
        flusher.join(5000);

        assertThat(batcher.flushing()).isFalse();
        assertThat(health.health().getStatus().getCode()).isEqualTo("DOWN");
        assertThat(batcher.submit(received())).isEmpty(); // the first batch fails, as told
        assertThat(batcher.submit(received())).get().isInstanceOf(Ignored.class);
        assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
    }
}
