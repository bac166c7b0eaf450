package io.linkledger.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.linkledger.support.Api;
import io.linkledger.support.ApiTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests Tomcat refuses before the application sees them answer problem+json too, and no
 * error body quotes a large piece of the request back.
 */
class MalformedRequestTest extends ApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest
    @ValueSource(strings = {
        "GET /r/%zz HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /api/v1/offers/%e0%a4%a HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /r/abc HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n",
        "GET /r/abc HTTP/1.1\r\nHost: x\r\nX-Note: a\u0001b\r\n\r\n",
        "GET /r/a{b HTTP/1.1\r\nHost: x\r\n\r\n",
        "NONSENSE\r\n\r\n",
        "GET /r/abc HTTP/9.9\r\nHost: x\r\n\r\n"})
    void containerRejectionsAnswerProblemJson(String request) throws IOException {
        RawResponse response = send(request);
        assertThat(response.status()).as(response.toString()).isBetween(400, 505);
        assertThat(response.head()).containsIgnoringCase("Content-Type: application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(response.status());
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("<html", "Tomcat");
    }

    @Test
    void oversizedHeadersAnswerProblemJsonWithoutEchoingThem() throws IOException {
        RawResponse response = send("GET /r/abc HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n");
        assertThat(response.status()).isBetween(400, 499);
        assertThat(response.head()).containsIgnoringCase("application/problem+json");
        assertThat(response.body()).doesNotContain("aaaaaaaaaa");
    }

    @Test
    void errorBodiesNeverQuoteLargeInput() {
        String huge = "x".repeat(5000);
        Api.Response badId = api.get("/api/v1/offers/" + huge);
        JsonNode problem = problem(badId, 400);
        assertThat(problem.get("detail").asString()).hasSizeLessThanOrEqualTo(300);
        assertThat(badId.body()).hasSizeLessThan(1000);

        Api.Response unknown = api.get("/api/v1/" + huge);
        problem(unknown, 404);
        assertThat(unknown.body()).hasSizeLessThan(1000);

        Api.Response unauthenticated = api.withKey(null).get("/api/v1/" + huge);
        problem(unauthenticated, 401);
        assertThat(unauthenticated.body()).hasSizeLessThan(1000);

        Api.Response field = api.post("/api/v1/members", "{\"name\": \"" + huge + "\", \"email\": \"" + huge + "\"}");
        assertThat(field.status()).isEqualTo(400);
        assertThat(field.body()).hasSizeLessThan(2000);
    }

    private record RawResponse(int status, String head, String body) {
    }

    private RawResponse send(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    received.write(buffer, 0, n);
                    if (complete(received.toString(StandardCharsets.UTF_8))) {
                        break;
                    }
                }
            } catch (SocketTimeoutException | java.net.SocketException e) {
                // what arrived is the answer
            }
            String text = received.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String head = split < 0 ? text : text.substring(0, split);
            String body = split < 0 ? "" : text.substring(split + 4);
            return new RawResponse(Integer.parseInt(head.substring(9, 12)), head, body);
        }
    }

    private static boolean complete(String text) {
        int split = text.indexOf("\r\n\r\n");
        if (split < 0) {
            return false;
        }
        String head = text.substring(0, split).toLowerCase();
        int length = head.indexOf("content-length: ");
        if (length < 0) {
            return false;
        }
        int end = head.indexOf("\r\n", length);
        int expected = Integer.parseInt(head.substring(length + 16, end < 0 ? head.length() : end).trim());
        return text.getBytes(StandardCharsets.UTF_8).length - split - 4 >= expected;
    }
}
