package io.linkledger.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.linkledger.LinkledgerApplication;
import io.linkledger.support.Api;
import io.linkledger.support.ApiTest;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;

/**
 * Two nodes of the application on one database (this test's context and a second one started in
 * this JVM): a scheduled job one node runs is skipped by the other, and a change made on one node
 * reaches the other's caches as soon as it is committed, not when their entries expire. Sessions
 * and rate limits across nodes: security.TwoNodesTest.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeveralNodesTest extends ApiTest {

    /** Long enough that no entry of the second node's link cache expires during the test. */
    private static final String NO_EXPIRY = "PT1H";
    /** How long an announcement may take to reach the other node before the test gives up on it. */
    private static final Duration ARRIVAL = Duration.ofSeconds(20);

    @Autowired
    private LockProvider locks;

    @Autowired
    private Invalidations invalidations;

    private ConfigurableApplicationContext second;

    @BeforeAll
    void startSecondNode() {
        second = new SpringApplicationBuilder(LinkledgerApplication.class)
                .run("--server.port=0", "--spring.main.banner-mode=off",
                        "--spring.datasource.hikari.maximum-pool-size=4", "--spring.datasource.hikari.minimum-idle=1",
                        "--linkledger.tracking.link-cache-ttl=" + NO_EXPIRY,
                        "--linkledger.invalidations.reconnect-delay=PT0.2S");
    }

    @AfterAll
    void stopSecondNode() {
        second.close();
    }

    private String secondUrl() {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) second).getWebServer().getPort();
    }

    private boolean postgres() {
        return jdbc.sql("select 1").query((rs, row) -> rs.getStatement().getConnection().getMetaData()
                .getDatabaseProductName()).single().equals("PostgreSQL");
    }

    @Test
    void aJobThatOneNodeRunsIsSkippedByTheOther() {
        String bucket = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        jdbc.sql("insert into rate_limit_hits (bucket, window_start, hits, expires_at) values (?, ?, 1, ?)")
                .params(bucket, Sql.ts(Instant.parse("2001-01-01T00:00:00Z")), Sql.ts(Instant.parse("2001-01-01T00:01:00Z")))
                .update();
        RateLimits onSecond = second.getBean(RateLimits.class);

        // This node runs the job (it holds the job's lock as its scheduler would); the second one's turn comes meanwhile.
        SimpleLock running = lock("rate-limits-cleanup");
        try {
            onSecond.deleteExpired();
            assertThat(expiredRows(bucket)).isEqualTo(1);
        } finally {
            running.unlock();
        }

        onSecond.deleteExpired();
        assertThat(expiredRows(bucket)).isZero();
    }

    /** The job's lock, waiting for a run of the job that holds it now to end. */
    private SimpleLock lock(String job) {
        for (int attempt = 0; attempt < 600; attempt++) {
            Optional<SimpleLock> lock = locks.lock(new LockConfiguration(Instant.now(), job, Duration.ofMinutes(5),
                    Duration.ZERO));
            if (lock.isPresent()) {
                return lock.get();
            }
            pause();
        }
        throw new AssertionError("the lock of " + job + " stayed taken");
    }

    private long expiredRows(String bucket) {
        return count("select count(*) from rate_limit_hits where bucket = ?", bucket);
    }

    @Test
    void anOfferChangedOnOneNodeIsFollowedByTheOthersRedirect() {
        assumeTrue(postgres(), "H2 serves one node: its invalidations stay in the process");
        String offerId = createLinkOffer("Two nodes").get("id").asString();
        String memberId = createMember("Noa Node", "noa." + UUID.randomUUID() + "@example.com").get("id").asString();
        String link = assign(offerId, memberId).get(0).get("trackingLink").asString();
        String path = "/r/" + link.substring(link.lastIndexOf('/') + 1);
        Api visitor = new Api(secondUrl(), null);
        assertThat(visitor.get(path).header("Location")).startsWith("https://shareasale.com/");

        assertThat(api.patch("/api/v1/offers/" + offerId, Map.of("destinationUrl", "https://moved.example/?t={transaction_id}"))
                .status()).isEqualTo(200);

        awaitTrue(() -> visitor.get(path).header("Location").startsWith("https://moved.example/?t="));
    }

    @Test
    void everyNodeHearsAnAnnouncementAndANodeThatLostItsConnectionDropsEverything() {
        assumeTrue(postgres(), "H2 serves one node: its invalidations stay in the process");
        List<String> heard = new CopyOnWriteArrayList<>();
        AtomicInteger dropAll = new AtomicInteger();
        second.getBean(Invalidations.class).subscribe("several-nodes-test", heard::add, dropAll::incrementAndGet);

        invalidations.publish("several-nodes-test", "first");
        awaitTrue(() -> heard.contains("first"));

        // The listening connections break (a database restart, a proxy timeout): each node listens again
        // and, having possibly missed announcements, drops everything it cached.
        jdbc.sql("""
                select pg_terminate_backend(pid) from pg_stat_activity
                where application_name = ? and datname = current_database()""")
                .param(PostgresInvalidationChannel.APPLICATION_NAME)
                .query((rs, row) -> rs.getBoolean(1))
                .list();
        awaitTrue(() -> dropAll.get() > 0);

        invalidations.publish("several-nodes-test", "second");
        awaitTrue(() -> heard.contains("second"));
    }

    private static void awaitTrue(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(ARRIVAL);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the other node did not follow within " + ARRIVAL);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
