package io.linkledger.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver as a brand would write one, on a real port: it verifies the
 * {@code Linkledger-Signature} of every delivery with the endpoint's secret (constant-time, and
 * the time within 5 minutes) and keeps what it received. It can be stopped and started again on
 * the same port, to play an endpoint that goes down and comes back.
 */
final class Receiver implements AutoCloseable {

    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    record Received(String eventId, String eventType, String deliveryId, String body, boolean signatureValid) {
    }

    private final int port;
    private final Clock clock;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile String secret = "";
    private volatile int status = 200;
    private HttpServer server;

    /** {@code clock}: the time the receiver checks the signature's t against (the application's, in tests that move it). */
    Receiver(int port, Clock clock) {
        this.port = port;
        this.clock = clock;
    }

    String url() {
        return "http://127.0.0.1:" + port + "/hooks/linkledger";
    }

    void secret(String secret) {
        this.secret = secret;
    }

    /** The status it answers with from now on. */
    void answer(int status) {
        this.status = status;
    }

    Receiver start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/hooks/linkledger", this::handle);
        server.start();
        return this;
    }

    void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        var headers = exchange.getRequestHeaders();
        received.add(new Received(headers.getFirst("Linkledger-Event-Id"), headers.getFirst("Linkledger-Event-Type"),
                headers.getFirst("Linkledger-Delivery-Id"), body,
                verify(headers.getFirst("Linkledger-Signature"), body)));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /** The receiver's side of docs/webhooks.md, written independently of the server's signing code. */
    private boolean verify(String header, String body) {
        if (header == null) {
            return false;
        }
        String t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length == 2 && kv[0].equals("t")) {
                t = kv[1];
            } else if (kv.length == 2 && kv[0].equals("v1")) {
                v1 = kv[1];
            }
        }
        if (t == null || v1 == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8));
            byte[] given = HexFormat.of().parseHex(v1);
            long age = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(t));
            boolean fresh = age <= TOLERANCE.toSeconds();
            return MessageDigest.isEqual(expected, given) && fresh;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
