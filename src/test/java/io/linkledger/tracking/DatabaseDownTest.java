package io.linkledger.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.test.context.TestPropertySource;

import io.linkledger.support.Api;
import io.linkledger.support.ApiTest;

/**
 * The redirect when the database is away or slow: a clear 503 page, at once or to every request
 * still waiting, and back to normal after; a 302 never before its click is committed.
 */
@Import(DatabaseDownTest.Outage.class)
@TestPropertySource(properties = "linkledger.tracking.unavailable-backoff=200ms")
class DatabaseDownTest extends ApiTest {

    /**
     * Wraps the real pool: while {@code down}, asking for a connection fails as an unreachable database
     * does; while {@code flusherHeld} is closed, the click flusher waits for its connection, as it would
     * for a slow database, so redirects pile up waiting for their commit.
     */
    @TestConfiguration
    static class Outage {

        volatile boolean down;
        volatile CountDownLatch flusherHeld = new CountDownLatch(0);

        @Bean
        static BeanPostProcessor switchableDataSource(org.springframework.beans.factory.ObjectProvider<Outage> outage) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof DataSource real)) {
                        return bean;
                    }
                    return new DelegatingDataSource(real) {
                        @Override
                        public Connection getConnection() throws SQLException {
                            if (Thread.currentThread().getName().startsWith("click-flusher")) {
                                try {
                                    outage.getObject().flusherHeld.await();
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            }
                            if (outage.getObject().down) {
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
    Outage outage;

    @AfterEach
    void databaseBack() {
        outage.down = false;
        outage.flusherHeld.countDown();
    }

    private record Link(String offerId, String code) {
    }

    private Link link(String name) {
        String offerId = createLinkOffer(name).get("id").asString();
        String memberId = createMember("Ola Nordmann", "ola-" + UUID.randomUUID() + "@example.com").get("id").asString();
        String link = assign(offerId, memberId).get(0).get("trackingLink").asString();
        return new Link(offerId, link.substring(link.lastIndexOf('/') + 1));
    }

    /** Sends {@code n} clicks from distinct visitors at once; each future is the answer with when it came. */
    private List<CompletableFuture<Answered>> clicks(String code, int n, ExecutorService clients) {
        List<CompletableFuture<Answered>> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String userAgent = RedirectApiTest.BROWSER + " visitor/" + i;
            answers.add(CompletableFuture.supplyAsync(() -> {
                Api.Response response = api.send(api.withKey(null).request("/r/" + code).header("User-Agent", userAgent)
                        .GET());
                return new Answered(response, System.nanoTime());
            }, clients));
        }
        return answers;
    }

    private record Answered(Api.Response response, long at) {
    }

    @Test
    void concurrentRedirectsEachGetTheir302OnlyOnceTheirClickIsCommitted() throws Exception {
        String code = link("Slow commit").code();
        int n = 100;
        outage.flusherHeld = new CountDownLatch(1);
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<Answered>> answers = clicks(code, n, clients);
            Thread.sleep(500);
            assertThat(answers).as("answered while no click could commit").noneMatch(CompletableFuture::isDone);
            long released = System.nanoTime();
            outage.flusherHeld.countDown();

            Set<String> tids = new HashSet<>();
            for (CompletableFuture<Answered> answer : answers) {
                Answered a = answer.get(30, TimeUnit.SECONDS);
                assertThat(a.response().status()).as(a.response().toString()).isEqualTo(302);
                assertThat(a.at()).isGreaterThan(released);
                String location = a.response().header("Location");
                String tid = location.substring(location.indexOf("afftrack=") + "afftrack=".length());
                assertThat(count("select count(*) from clicks where transaction_id = ?", tid)).as(tid).isEqualTo(1);
                tids.add(tid);
            }
            assertThat(tids).hasSize(n);
        }
    }

    @Test
    void requestsWaitingForTheirCommitGetThe503PageWhenTheDatabaseFails() throws Exception {
        Link link = link("Outage while waiting");
        outage.flusherHeld = new CountDownLatch(1);
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<Answered>> answers = clicks(link.code(), 20, clients);
            Thread.sleep(300);
            outage.down = true;
            outage.flusherHeld.countDown();
            for (CompletableFuture<Answered> answer : answers) {
                Api.Response down = answer.get(30, TimeUnit.SECONDS).response();
                assertThat(down.status()).isEqualTo(503);
                assertThat(down.body()).contains("Temporarily unavailable");
                assertThat(down.header("Set-Cookie")).isNull();
            }
        }
        outage.down = false;
        assertThat(count("select count(*) from clicks where offer_id = ?", UUID.fromString(link.offerId()))).isZero();
    }

    @Test
    void aCommitSlowerThanTheAcknowledgementTimeoutGetsThe503Page() throws Exception {
        String code = link("Commit too slow").code();
        outage.flusherHeld = new CountDownLatch(1);
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            Answered answered = clicks(code, 1, clients).getFirst().get(30, TimeUnit.SECONDS);
            assertThat(outage.flusherHeld.getCount()).as("the commit is still held").isEqualTo(1);
            assertThat(answered.response().status()).isEqualTo(503);
            assertThat(answered.response().body()).contains("Temporarily unavailable");
        } finally {
            outage.flusherHeld.countDown();
        }
    }

    private Api.Response click(String code) {
        return api.send(api.withKey(null).request("/r/" + code).header("User-Agent", RedirectApiTest.BROWSER).GET());
    }

    @Test
    void redirectAnswers503PageWhileTheDatabaseIsDownAndStoresEveryClickItAnswered() throws Exception {
        String offerId = createLinkOffer("Outage").get("id").asString();
        String memberId = createMember("Ola Nordmann", "ola-" + UUID.randomUUID() + "@example.com").get("id").asString();
        String link = assign(offerId, memberId).get(0).get("trackingLink").asString();
        String code = link.substring(link.lastIndexOf('/') + 1);
        List<Integer> statuses = new ArrayList<>();
        statuses.add(click(code).status());

        outage.down = true;
        for (int i = 0; i < 3; i++) {
            Api.Response down = click(code);
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.contentType()).startsWith("text/html");
            assertThat(down.body()).contains("Temporarily unavailable");
            assertThat(down.header("Set-Cookie")).isNull();
            statuses.add(down.status());
        }
        assertThat(click("UnseenCode").status()).as("a code not in the cache").isEqualTo(503);

        outage.down = false;
        Api.Response back = click(code);
        for (int attempt = 0; attempt < 50 && back.status() == 503; attempt++) {
            Thread.sleep(100);
            statuses.add(back.status());
            back = click(code);
        }
        assertThat(back.status()).isEqualTo(302);
        statuses.add(back.status());

        long answered = statuses.stream().filter(s -> s == 302).count();
        assertThat(answered).isEqualTo(2);
        assertThat(count("select count(*) from clicks where offer_id = ?", UUID.fromString(offerId)))
                .isEqualTo(answered);
        assertThat(api.get("/api/v1/reports/offers/" + offerId).json().get("clicks").asLong()).isEqualTo(answered);
    }
}
