package io.linkledger.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.linkledger.brands.Brand;
import io.linkledger.brands.Brands;
import tools.jackson.databind.JsonNode;

/**
 * Base of HTTP-level tests: the whole application on a random port, and a fresh brand
 * workspace with its own API key for every test, so tests never see each other's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApiTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected Brands brands;

    @Autowired
    protected JdbcClient jdbc;

    protected Brand brand;
    protected String apiKey;
    protected Api api;

    @BeforeEach
    void freshBrand() {
        brand = brands.create("Test brand " + UUID.randomUUID());
        apiKey = brands.createKey(brand.id(), "test").plainText();
        api = new Api("http://127.0.0.1:" + port, apiKey);
    }

    protected static final String SHAREASALE_URL =
            "https://shareasale.com/r.cfm?b=1234&u=3353969&m=5678&urllink=&afftrack={transaction_id}";

    /** A link offer paying 10% of each sale, with a ShareASale destination link. */
    protected JsonNode createLinkOffer(String name) {
        return created(api.post("/api/v1/offers", Map.of(
                "name", name, "type", "LINK", "conversionType", "SALE", "currency", "USD",
                "destinationUrl", SHAREASALE_URL,
                "payouts", List.of(Map.of("name", "Default", "type", "CPS", "percent", "10")))));
    }

    protected JsonNode createOffer(Map<String, Object> body) {
        return created(api.post("/api/v1/offers", body));
    }

    protected JsonNode createMember(String name, String email) {
        return created(api.post("/api/v1/members", Map.of("name", name, "email", email)));
    }

    protected JsonNode assign(String offerId, String... memberIds) {
        Api.Response response = api.post("/api/v1/offers/" + offerId + "/members", Map.of("memberIds", List.of(memberIds)));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("assignments");
    }

    protected static JsonNode created(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    /** Asserts an RFC 9457 problem with this status and returns its body. */
    protected static JsonNode problem(Api.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode body = response.json();
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("detail").asString()).isNotBlank();
        return body;
    }

    /** Polls a background job until it ends, and asserts it succeeded. */
    protected JsonNode awaitJob(String jobId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            JsonNode job = api.get("/api/v1/jobs/" + jobId).json();
            assertThat(job.get("done").asInt()).isBetween(0, job.get("total").asInt());
            if (!job.get("status").asString().equals("RUNNING")) {
                assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
                return job;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job " + jobId + " did not finish");
    }

    protected long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
