package io.linkledger.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.linkledger.shared.Tokens;
import io.linkledger.support.Api;
import io.linkledger.support.AppProcess;
import tools.jackson.databind.JsonNode;

/**
 * The durability promise, end to end: the packaged server takes concurrent clicks, is killed
 * with SIGKILL in the middle of them, and after a restart every click that got its 302 is in
 * the database (and in the daily rollup). Runs against the suite's PostgreSQL when
 * SPRING_DATASOURCE_URL points at one, else against a fresh H2 file database.
 */
class ClickCrashIT {

    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/131.0.0.0 Safari/537.36";
    private static final int CLIENTS = 32;
    private static final int CLICKS_BEFORE_KILL = 400;

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String apiKey = "llk_crash_" + UUID.randomUUID().toString().replace("-", "");
    private final Path workDir = Path.of("target", "crash-it", UUID.randomUUID().toString());
    private final String dbUrl;
    private final String dbUser;
    private final String dbPassword;
    private final AppProcess server;
    private final Api api;

    ClickCrashIT() {
        String suiteUrl = System.getenv("SPRING_DATASOURCE_URL");
        if (suiteUrl != null && suiteUrl.startsWith("jdbc:postgresql:")) {
            dbUrl = suiteUrl;
            dbUser = System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "postgres");
            dbPassword = System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", "");
        } else {
            dbUrl = "jdbc:h2:file:" + workDir.toAbsolutePath().resolve("db")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
            dbUser = "sa";
            dbPassword = "";
        }
        server = new AppProcess(workDir, Map.of("SPRING_DATASOURCE_URL", dbUrl, "SPRING_DATASOURCE_USERNAME", dbUser,
                "SPRING_DATASOURCE_PASSWORD", dbPassword, "LINKLEDGER_BOOTSTRAP_API_KEY", apiKey));
        api = new Api(server.baseUrl(), apiKey);
    }

    @AfterEach
    void stopServer() throws InterruptedException {
        server.close();
    }

    @Test
    void everyClickAnsweredBeforeASigkillIsStoredAfterRestart() throws Exception {
        registerApiKeyIfBrandsExist();
        server.start("first");
        String offerId = post("/api/v1/offers", Map.of("name", "Crash test", "type", "LINK", "conversionType", "SALE",
                "currency", "USD", "destinationUrl", "https://shop.example/?tid={transaction_id}",
                "payouts", List.of(Map.of("type", "CPS", "percent", "10")))).get("id").asString();
        String memberId = post("/api/v1/members", Map.of("name", "Crash Tester",
                "email", "crash-" + UUID.randomUUID() + "@example.com")).get("id").asString();
        String link = post("/api/v1/offers/" + offerId + "/members", Map.of("memberIds", List.of(memberId)))
                .get("assignments").get(0).get("trackingLink").asString();
        String code = link.substring(link.lastIndexOf('/') + 1);

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < CLIENTS; i++) {
                String userAgent = BROWSER + " client/" + i;
                clients.submit(() -> clickUntilTheServerDies(code, userAgent, acknowledged));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (acknowledged.size() < CLICKS_BEFORE_KILL && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            server.kill();
        }
        assertThat(acknowledged).as("302s received before the kill").hasSizeGreaterThanOrEqualTo(CLICKS_BEFORE_KILL);

        server.start("restarted");
        JsonNode report = get("/api/v1/reports/offers/" + offerId + "?from=2000-01-01&to=2999-12-31");
        assertThat(report.get("clicks").asLong()).isGreaterThanOrEqualTo(acknowledged.size());
        assertThat(server.stop()).as("graceful shutdown within a minute").isTrue();

        try (Connection db = DriverManager.getConnection(dbUrl, dbUser, dbPassword)) {
            Set<String> stored = ConcurrentHashMap.newKeySet();
            try (PreparedStatement query = db.prepareStatement("select transaction_id from clicks where offer_id = ?")) {
                query.setObject(1, UUID.fromString(offerId));
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        stored.add(rs.getString(1));
                    }
                }
            }
            List<String> lost = new ArrayList<>(acknowledged);
            lost.removeAll(stored);
            assertThat(lost).as("clicks answered with a 302 but not stored").isEmpty();
            try (PreparedStatement rollup = db.prepareStatement(
                    "select coalesce(sum(clicks), 0) from click_daily where offer_id = ?")) {
                rollup.setObject(1, UUID.fromString(offerId));
                try (ResultSet rs = rollup.executeQuery()) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("rollup equals stored clicks").isEqualTo(stored.size());
                }
            }
        }
    }

    /** Clicks until the connection fails; a 503 (overload) is allowed, only 302s promise a stored click. */
    private void clickUntilTheServerDies(String code, String userAgent, Set<String> acknowledged) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/r/" + code))
                .header("User-Agent", userAgent).timeout(Duration.ofSeconds(10)).GET().build();
        while (true) {
            try {
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 302) {
                    String location = response.headers().firstValue("Location").orElseThrow();
                    acknowledged.add(location.substring(location.indexOf("tid=") + 4));
                }
            } catch (IOException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * On a database that already has brands (the suite's PostgreSQL) the server does not register
     * the bootstrap key, so the test registers it as Brands would. A fresh database is left to the server.
     */
    private void registerApiKeyIfBrandsExist() throws Exception {
        if (!dbUrl.startsWith("jdbc:postgresql:")) {
            return;
        }
        try (Connection db = DriverManager.getConnection(dbUrl, dbUser, dbPassword)) {
            try (ResultSet tables = db.getMetaData().getTables(null, db.getSchema(), "brands", null)) {
                if (!tables.next()) {
                    return;
                }
            }
            try (ResultSet rs = db.createStatement().executeQuery("select count(*) from brands")) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    return;
                }
            }
            UUID brandId = UUID.randomUUID();
            OffsetDateTime now = OffsetDateTime.now();
            insert(db, "insert into brands (id, name, created_at) values (?, ?, ?)", brandId, "Crash test brand", now);
            insert(db, "insert into api_keys (id, brand_id, name, key_prefix, key_hash, created_at) values (?, ?, ?, ?, ?, ?)",
                    UUID.randomUUID(), brandId, "crash-test", apiKey.substring(0, 12), Tokens.sha256(apiKey), now);
        }
    }

    private static void insert(Connection db, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.executeUpdate();
        }
    }

    private JsonNode post(String path, Object body) {
        Api.Response response = api.post(path, body);
        assertThat(response.status()).as(response.body()).isIn(200, 201);
        return response.json();
    }

    private JsonNode get(String path) {
        Api.Response response = api.get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
