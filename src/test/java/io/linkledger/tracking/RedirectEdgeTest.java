package io.linkledger.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestPropertySource;

import io.linkledger.support.ApiTest;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The event-loop edge over real sockets: tracking links answered by it with the filter's headers,
 * everything else passed to Tomcat (keep-alive, pipelining in order, a large streamed upload), and
 * what the application sees of the client. The trusted proxies here leave loopback out, so this
 * test's loopback client is an ordinary visitor whose X-Forwarded-* claims must not be believed,
 * while Tomcat must still trust the edge itself.
 */
@Import(RedirectEdgeTest.Echo.class)
@TestPropertySource(properties = {"linkledger.redirect.edge=true",
        "server.tomcat.remoteip.internal-proxies=192\\.0\\.2\\.250", "linkledger.redirect.edge.idle-timeout=5s"})
class RedirectEdgeTest extends ApiTest {

    /** A test-only page behind the edge that tells what Tomcat made of the request, and counts the body. */
    @TestConfiguration
    static class Echo {

        @Bean
        FilterRegistrationBean<HttpFilter> echo() {
            var registration = new FilterRegistrationBean<HttpFilter>(new HttpFilter() {
                @Override
                protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                        throws IOException {
                    String sleep = request.getParameter("sleepMillis");
                    if (sleep != null) {
                        try {
                            Thread.sleep(Long.parseLong(sleep));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    CRC32 crc = new CRC32();
                    long bytes = 0;
                    byte[] buffer = new byte[65_536];
                    try (InputStream in = request.getInputStream()) {
                        for (int n; (n = in.read(buffer)) > 0; bytes += n) {
                            crc.update(buffer, 0, n);
                        }
                    }
                    byte[] body = ("remote=" + request.getRemoteAddr() + " scheme=" + request.getScheme()
                            + " secure=" + request.isSecure() + " url=" + request.getRequestURL()
                            + " bytes=" + bytes + " crc=" + crc.getValue()).getBytes(StandardCharsets.UTF_8);
                    response.setContentType("text/plain");
                    response.setContentLength(body.length);
                    response.getOutputStream().write(body);
                }
            });
            registration.addUrlPatterns("/edge-echo");
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }

    @Autowired
    WebServerApplicationContext context;

    @Autowired
    MeterRegistry meters;

    private String code;

    @BeforeEach
    void link() {
        String offerId = createLinkOffer("Edge").get("id").asString();
        String memberId = createMember("Kari Nordmann", "kari-" + UUID.randomUUID() + "@example.com").get("id").asString();
        String link = assign(offerId, memberId).get(0).get("trackingLink").asString();
        code = link.substring(link.lastIndexOf('/') + 1);
    }

    @Test
    void theServersPortIsTheEdgesAndTomcatListensElsewhere() {
        assertThat(context.getWebServer().getPort()).isNotEqualTo(port);
    }

    @Test
    void aTrackingLinkIsA302WithTheFiltersHeadersAfterItsClickIsStored() throws IOException {
        double before = tracked();
        try (Wire wire = new Wire(port)) {
            wire.send(get("/r/" + code));
            Answer answer = wire.read(false);
            assertThat(answer.status()).isEqualTo(302);
            String location = answer.header("location");
            assertThat(location).startsWith("https://shareasale.com/r.cfm?b=1234");
            String tid = location.substring(location.indexOf("afftrack=") + "afftrack=".length());
            // The tests' base URL is https, so the cookie is the cross-site one, as from the filter.
            assertThat(answer.header("set-cookie")).isEqualTo(
                    "ll_tid=" + tid + "; Path=/; Max-Age=" + 30 * 86_400L + "; HttpOnly; Secure; SameSite=None");
            assertThat(answer.header("cache-control")).isEqualTo("no-store");
            assertThat(answer.header("content-length")).isEqualTo("0");
            assertThat(answer.header("connection")).isNull();
            assertThat(count("select count(*) from clicks where transaction_id = ?", tid)).isEqualTo(1);
        }
        assertThat(tracked()).isEqualTo(before + 1);
    }

    @Test
    void unknownLinksAndDeeperPathsGetThe404Page() throws IOException {
        try (Wire wire = new Wire(port)) {
            for (String path : new String[] {"/r/NoSuchCode", "/r/" + code + "/extra", "/r/", "/r"}) {
                wire.send(get(path));
                Answer answer = wire.read(false);
                assertThat(answer.status()).as(path).isEqualTo(404);
                assertThat(answer.header("content-type")).isEqualTo("text/html;charset=UTF-8");
                assertThat(answer.body()).contains("Link not found");
                assertThat(answer.header("set-cookie")).isNull();
            }
        }
    }

    @Test
    void pipelinedRequestsOfBothKindsAreAnsweredInOrderOnOneKeptAliveConnection() throws IOException {
        try (Wire wire = new Wire(port)) {
            wire.send(get("/r/" + code) + get("/edge-echo") + head("/r/" + code) + get("/r/NoSuchCode")
                    + get("/api/v1/offers"));
            assertThat(wire.read(false).status()).isEqualTo(302);
            Answer echo = wire.read(false);
            assertThat(echo.status()).as(echo.toString()).isEqualTo(200);
            assertThat(echo.body()).contains("url=http://127.0.0.1:" + port + "/edge-echo");
            Answer head = wire.read(true);
            assertThat(head.status()).isEqualTo(302);
            assertThat(head.header("location")).startsWith("https://shareasale.com/");
            assertThat(wire.read(false).status()).isEqualTo(404);
            assertThat(wire.read(false).status()).as("no API key").isEqualTo(401);

            wire.send(get("/r/" + code));
            assertThat(wire.read(false).status()).as("the same connection, still open").isEqualTo(302);
            wire.send("GET /edge-echo HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            Answer last = wire.read(false);
            assertThat(last.header("connection")).isEqualTo("close");
            assertThat(wire.closed()).isTrue();
        }
        assertThat(count("select count(*) from clicks where transaction_id is not null and offer_id in "
                + "(select id from offers where brand_id = ?)", brand.id())).isEqualTo(3);
    }

    @Test
    void theApplicationSeesTheRealClientAndNotItsForgedForwardedHeaders() throws IOException {
        try (Wire wire = new Wire(port)) {
            wire.send("GET /edge-echo HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nX-Forwarded-For: 203.0.113.9\r\n"
                    + "X-Forwarded-Proto: https\r\nX-Forwarded-Port: 443\r\n\r\n");
            String echo = wire.read(false).body();
            assertThat(echo).contains("remote=127.0.0.1 ", "scheme=http ", "secure=false ",
                    "url=http://127.0.0.1:" + port + "/edge-echo ");
        }
    }

    @Test
    void aLargeUploadStreamsThroughToTomcatIntact() throws Exception {
        byte[] block = new byte[1 << 20];
        new java.util.Random(17).nextBytes(block);
        int blocks = 64;
        CRC32 crc = new CRC32();
        for (int i = 0; i < blocks; i++) {
            crc.update(block);
        }
        HttpRequest upload = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/edge-echo"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new InputStream() {
                    private int sent;
                    private int at;

                    @Override
                    public int read() {
                        byte[] one = new byte[1];
                        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                    }

                    @Override
                    public int read(byte[] into, int offset, int length) {
                        if (sent == blocks) {
                            return -1;
                        }
                        int n = Math.min(length, block.length - at);
                        System.arraycopy(block, at, into, offset, n);
                        at += n;
                        if (at == block.length) {
                            at = 0;
                            sent++;
                        }
                        return n;
                    }
                }))
                .build();
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> answer = http.send(upload, HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("bytes=" + (long) blocks * block.length + " ", "crc=" + crc.getValue());
        }
    }

    @Test
    void aHeadRequestForAPageGetsItsHeadersOnly() throws IOException {
        try (Wire wire = new Wire(port)) {
            wire.send(head("/r/NoSuchCode") + get("/r/" + code));
            Answer page = wire.read(true);
            assertThat(page.status()).isEqualTo(404);
            assertThat(Integer.parseInt(page.header("content-length"))).isPositive();
            assertThat(wire.read(false).status()).as("no page body came before the next answer").isEqualTo(302);
        }
    }

    /** RFC 9112, section 6.1: a request smuggling attempt is refused, and its connection not kept. */
    @Test
    void aRequestWithBothChunkedAndContentLengthIsRefusedAndItsConnectionClosed() throws IOException {
        try (Wire wire = new Wire(port)) {
            wire.send("POST /edge-echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 3\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
            Answer refused = wire.read(false);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.header("connection")).isEqualTo("close");
            assertThat(wire.closed()).isTrue();
        }
    }

    @Test
    void idlenessCountsFromTheLastAnswerNotFromTheLastRequest() throws Exception {
        try (Wire wire = new Wire(port)) {
            wire.send(get("/edge-echo?sleepMillis=4000"));
            assertThat(wire.read(false).status()).isEqualTo(200);
            Thread.sleep(2_000); // 6 s after the request was read (the idle timeout is 5 s), 2 s after its answer
            wire.send(get("/r/" + code));
            assertThat(wire.read(false).status()).as("the connection is still open").isEqualTo(302);
        }
    }

    @Test
    void aConnectionThatStopsSendingIsClosedAfterTheIdleTimeout() throws IOException {
        try (Wire wire = new Wire(port)) {
            wire.send("GET /r/" + code + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
            assertThat(wire.closed()).as("closed by the edge, the request's headers never finished").isTrue();
        }
    }

    private double tracked() {
        return meters.get("linkledger.redirects").tag("outcome", "tracked").timer().count();
    }

    private static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: " + RedirectApiTest.BROWSER + "\r\n\r\n";
    }

    private static String head(String path) {
        return "HEAD " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: " + RedirectApiTest.BROWSER + "\r\n\r\n";
    }

    private record Answer(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name);
        }
    }

    /** One raw HTTP/1.1 connection: what is sent is exactly what is written, answers are read one by one. */
    private static final class Wire implements AutoCloseable {

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Wire(int port) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(30_000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        }

        void send(String requests) throws IOException {
            out.write(requests.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        Answer read(boolean head) throws IOException {
            String statusLine = line();
            Map<String, String> headers = new HashMap<>();
            for (String line; !(line = line()).isEmpty(); ) {
                int colon = line.indexOf(':');
                headers.merge(line.substring(0, colon).toLowerCase(Locale.ROOT), line.substring(colon + 1).trim(),
                        (a, b) -> a + "\n" + b);
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (!head && headers.containsKey("content-length")) {
                body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
            } else if (!head && "chunked".equals(headers.get("transfer-encoding"))) {
                for (int size; (size = Integer.parseInt(line().split(";")[0], 16)) > 0; line()) {
                    body.write(in.readNBytes(size));
                }
                line();
            }
            return new Answer(Integer.parseInt(statusLine.split(" ")[1]), headers, body.toString(StandardCharsets.UTF_8));
        }

        boolean closed() throws IOException {
            return in.read() < 0;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c; (c = in.read()) != '\n'; ) {
                if (c < 0) {
                    throw new IOException("connection closed after: " + line);
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
