package io.linkledger.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.linkledger.support.Api;
import io.linkledger.support.AppProcess;
import io.linkledger.support.FreshDatabase;
import io.linkledger.support.KafkaCluster;
import tools.jackson.databind.JsonNode;

/**
 * Scale-out, end to end (issue 16): two nodes from the packaged jar on one PostgreSQL database,
 * visitors whose clicks alternate between the nodes, and, under that load, SIGKILL of one node
 * (in kafka mode also of one of the three brokers) and its restart. Afterwards every 302 any
 * visitor received has exactly one click row, each visitor has exactly one unique click per link
 * (what a single node decides for the same visitors), and the offer report equals the raw rows.
 *
 * <p>Both events backends: {@code database} (each node commits its clicks itself) and
 * {@code kafka} (the nodes publish to the 3-broker cluster of {@link KafkaCluster}, and their
 * consumers store). The nodes share a fresh schema of the suite's PostgreSQL, so the raw rows are
 * this test's alone. H2 is one process's file, which a second node cannot open: there the test is
 * skipped.
 */
class TwoNodeCrashIT {

    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/131.0.0.0 Safari/537.36";
    /** A link-preview fetcher: a bot click, stored but never unique. */
    private static final String PREVIEW_BOT = "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)";
    private static final int VISITORS = 24;
    private static final int BOT_EVERY = 8;
    /** 302s to collect in each phase: both nodes up, one killed, both up again. */
    private static final int CLICKS_PER_PHASE = 250;
    private static final Duration PHASE_TIMEOUT = Duration.ofMinutes(3);
    /** In kafka mode, the broker killed together with node A. */
    private static final int KILLED_BROKER = 1;

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final String apiKey = "llk_twonode_" + UUID.randomUUID().toString().replace("-", "");
    private final String metricsToken = "two-node-metrics-" + UUID.randomUUID();
    private final Path workDir = Path.of("target", "two-node-it", UUID.randomUUID().toString());
    private final List<AppProcess> nodes = new ArrayList<>();

    @AfterEach
    void stopNodes() throws InterruptedException {
        for (AppProcess node : nodes) {
            node.close();
        }
    }

    @ParameterizedTest(name = "{0} backend")
    @ValueSource(strings = {"database", "kafka"})
    void everyClickAnsweredByEitherNodeIsStoredOnceAndCountedAsOneNodeWould(String backend) throws Exception {
        String suiteUrl = System.getenv("SPRING_DATASOURCE_URL");
        Assumptions.assumeTrue(suiteUrl != null && suiteUrl.startsWith("jdbc:postgresql:"),
                "Two nodes need one shared PostgreSQL database (an H2 file opens in one process only): "
                        + "set SPRING_DATASOURCE_URL to a jdbc:postgresql: URL to run this test");
        boolean kafka = backend.equals("kafka");
        FreshDatabase database = FreshDatabase.create();
        Map<String, String> environment = new HashMap<>(Map.of("SPRING_DATASOURCE_URL", database.url(),
                "SPRING_DATASOURCE_USERNAME", database.user(), "SPRING_DATASOURCE_PASSWORD", database.password(),
                "LINKLEDGER_BOOTSTRAP_API_KEY", apiKey, "LINKLEDGER_METRICS_TOKEN", metricsToken,
                "LINKLEDGER_EVENTS_BACKEND", backend));
        if (kafka) {
            // A topic and group of its own: what earlier runs left on the cluster is not this schema's.
            String topic = "linkledger.clicks.two-node-" + UUID.randomUUID();
            environment.putAll(Map.of("SPRING_KAFKA_BOOTSTRAP_SERVERS", KafkaCluster.bootstrapServers(),
                    "LINKLEDGER_EVENTS_TOPIC", topic, "LINKLEDGER_EVENTS_CONSUMER_GROUP", topic));
        }
        // One after the other: the first creates the schema and registers the API key on the empty database.
        AppProcess a = node(environment).start("a-first");
        AppProcess b = node(environment).start("b");

        Api api = new Api(a.baseUrl(), apiKey);
        String offerId = created(api.post("/api/v1/offers", Map.of("name", "Two nodes", "type", "LINK",
                "conversionType", "SALE", "currency", "USD",
                "destinationUrl", "https://shop.example/?tid={transaction_id}",
                "payouts", List.of(Map.of("type", "CPS", "percent", "10"))))).get("id").asString();
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            members.add(created(api.post("/api/v1/members", Map.of("name", "Member " + i,
                    "email", "two-node-" + i + "-" + UUID.randomUUID() + "@example.com"))).get("id").asString());
        }
        List<String> codes = new ArrayList<>();
        for (JsonNode assignment : created(api.post("/api/v1/offers/" + offerId + "/members",
                Map.of("memberIds", members))).get("assignments")) {
            String link = assignment.get("trackingLink").asString();
            codes.add(link.substring(link.lastIndexOf('/') + 1));
        }

        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        Map<String, Integer> afterRestart = new ConcurrentHashMap<>();
        AtomicInteger unavailable = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        try (ExecutorService visitors = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < VISITORS; i++) {
                String userAgent = (i % BOT_EVERY == BOT_EVERY - 1 ? PREVIEW_BOT : BROWSER) + " visitor/" + i;
                int first = i;
                visitors.submit(() -> visit(first, userAgent, codes, running, acknowledged, afterRestart, unavailable));
            }
            // The visitors stop also when a phase fails: closing the executor would wait for them forever.
            try {
                awaitCount(acknowledged::size, CLICKS_PER_PHASE, "302s with both nodes up");
                a.kill();
                if (kafka) {
                    KafkaCluster.kill(KILLED_BROKER);
                }
                int atKill = acknowledged.size();
                awaitCount(acknowledged::size, atKill + CLICKS_PER_PHASE, "302s from the surviving node");
                a.start("a-restarted");
                if (kafka) {
                    KafkaCluster.restart(KILLED_BROKER);
                }
                // Only clicks answered by the restarted node: the restart is proven by its own 302s.
                afterRestart.put(a.baseUrl(), 0);
                awaitCount(() -> afterRestart.get(a.baseUrl()), CLICKS_PER_PHASE, "302s from the restarted node");
            } finally {
                running.set(false);
            }
        }

        if (kafka) {
            awaitConsumed(b);
        }
        try (Connection db = database.connect()) {
            Map<String, Integer> rows = rowsPerTransactionId(db);
            List<String> missing = acknowledged.keySet().stream().filter(tid -> !rows.containsKey(tid)).toList();
            assertThat(missing).as("302s without a click row").isEmpty();
            List<String> duplicated = rows.entrySet().stream().filter(row -> row.getValue() > 1).map(Map.Entry::getKey)
                    .toList();
            assertThat(duplicated).as("transaction ids stored more than once").isEmpty();

            long wrongUnique = single(db, """
                    select count(*) from (
                      select assignment_id, user_agent from clicks where not is_bot
                      group by assignment_id, user_agent
                      having count(*) filter (where is_unique) <> 1) wrong""");
            System.out.printf("%s backend: %d 302s (%d from the restarted node), %d 503s, %d click rows, "
                    + "%d visitor and link pairs with other than one unique click%n", backend, acknowledged.size(),
                    afterRestart.get(a.baseUrl()), unavailable.get(), rows.size(), wrongUnique);
            // In database mode each node decides from its memory and the database, and a click answered
            // 503 after ack-timeout may still commit later, after the visitor's next click on the other
            // node took the unique one (docs/tracking.md: exact per node, close across nodes). Without a
            // 503 that cannot happen; in kafka mode one consumer decides each link, so it is always exact.
            if (backend.equals("kafka") || unavailable.get() == 0) {
                assertThat(wrongUnique).as("visitor and link pairs with other than one unique click").isZero();
            }
            assertThat(single(db, "select count(*) from clicks where is_bot and is_unique")).as("unique bot clicks")
                    .isZero();

            JsonNode report = ok(new Api(b.baseUrl(), apiKey).get(
                    "/api/v1/reports/offers/" + offerId + "?from=2000-01-01&to=2999-12-31"));
            assertThat(report.get("clicks").asLong()).as("report clicks")
                    .isEqualTo(single(db, "select count(*) from clicks where not is_bot"));
            assertThat(report.get("uniqueClicks").asLong()).as("report unique clicks")
                    .isEqualTo(single(db, "select count(*) from clicks where is_unique"));
            assertThat(report.get("botClicks").asLong()).as("report bot clicks")
                    .isEqualTo(single(db, "select count(*) from clicks where is_bot"));
            assertThat(memberFigures(report)).as("report per member").isEqualTo(memberRows(db));
        }
    }

    private AppProcess node(Map<String, String> environment) {
        AppProcess node = new AppProcess(workDir, environment);
        nodes.add(node);
        return node;
    }

    /**
     * One visitor: clicks both links, alternating between the nodes, until told to stop. A node
     * that is down refuses the connection (or drops it mid-request), and a 503 promises nothing;
     * only 302s are recorded, with the transaction id the destination carries.
     */
    private void visit(int first, String userAgent, List<String> codes, AtomicBoolean running,
            Map<String, String> acknowledged, Map<String, Integer> afterRestart, AtomicInteger unavailable) {
        for (int n = first; running.get(); n++) {
            AppProcess node = nodes.get(n % 2);
            String code = codes.get((n / 2) % codes.size());
            HttpRequest request = HttpRequest.newBuilder(URI.create(node.baseUrl() + "/r/" + code))
                    .header("User-Agent", userAgent).timeout(Duration.ofSeconds(10)).GET().build();
            try {
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 302) {
                    String location = response.headers().firstValue("Location").orElseThrow();
                    acknowledged.put(location.substring(location.indexOf("tid=") + 4), node.baseUrl());
                    afterRestart.computeIfPresent(node.baseUrl(), (url, count) -> count + 1);
                } else if (response.statusCode() == 503) {
                    unavailable.incrementAndGet();
                }
            } catch (IOException nodeDown) {
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Keeps a visitor from spinning on a refused connection while its node is down. */
    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitCount(IntSupplier count, int target, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PHASE_TIMEOUT.toNanos();
        while (count.getAsInt() < target) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + count.getAsInt() + " of " + target + " " + what + " within "
                        + PHASE_TIMEOUT);
            }
            Thread.sleep(20);
        }
    }

    /**
     * In kafka mode a click is stored after its 302, by whichever node's consumer reads its
     * partition: waits until the group's lag, which node B reports, is 0 (every click on the topic
     * stored and its offset committed), so that no row arrives while the rows are compared.
     */
    private void awaitConsumed(AppProcess node) throws InterruptedException {
        Api metrics = new Api(node.baseUrl(), metricsToken);
        long deadline = System.nanoTime() + PHASE_TIMEOUT.toNanos();
        String lag = "";
        while (System.nanoTime() < deadline) {
            Api.Response scrape = metrics.get("/actuator/prometheus");
            assertThat(scrape.status()).as(scrape.body()).isEqualTo(200);
            lag = scrape.body().lines()
                    .filter(line -> line.startsWith("linkledger_clicks_consumer_lag ")).findFirst().orElse("missing");
            if (lag.endsWith(" 0.0")) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the click consumers did not catch up within " + PHASE_TIMEOUT + ": " + lag);
    }

    private static Map<String, Integer> rowsPerTransactionId(Connection db) throws SQLException {
        Map<String, Integer> rows = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement(
                "select transaction_id, count(*) from clicks group by transaction_id");
                ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getInt(2));
            }
        }
        return rows;
    }

    /** Member id to [human clicks, unique clicks, bot clicks], from the raw rows. */
    private static Map<String, List<Long>> memberRows(Connection db) throws SQLException {
        Map<String, List<Long>> figures = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement("""
                select member_id, count(*) filter (where not is_bot), count(*) filter (where is_unique),
                       count(*) filter (where is_bot)
                from clicks group by member_id""");
                ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                figures.put(rs.getString(1), List.of(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
            }
        }
        return figures;
    }

    private static Map<String, List<Long>> memberFigures(JsonNode report) {
        Map<String, List<Long>> figures = new HashMap<>();
        for (JsonNode member : report.get("members")) {
            figures.put(member.get("memberId").asString(), List.of(member.get("clicks").asLong(),
                    member.get("uniqueClicks").asLong(), member.get("botClicks").asLong()));
        }
        return figures;
    }

    private static long single(Connection db, String sql) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql); ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static JsonNode created(Api.Response response) {
        assertThat(response.status()).as(response.body()).isIn(200, 201);
        return response.json();
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
