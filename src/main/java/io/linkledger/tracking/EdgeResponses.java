package io.linkledger.tracking;

import java.nio.charset.StandardCharsets;

import io.linkledger.shared.ContainerProblems;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/**
 * The edge's answers: the same status, headers and pages as the servlet filter's
 * ({@link RedirectFilter}), built from the same {@link RedirectPages}. A 302 is encoded straight
 * into bytes ({@link EdgeCodec}); the rarer pages are Netty responses.
 */
final class EdgeResponses {

    private static final byte[] BAD_GATEWAY = "The server is starting or restarting. Please try again in a moment.\n"
            .getBytes(StandardCharsets.UTF_8);

    private static final byte[] FOUND = ascii("HTTP/1.1 302 Found\r\nlocation: ");
    private static final byte[] NO_STORE = ascii("\r\ncache-control: no-store\r\ncontent-length: 0");
    private static final byte[] SET_COOKIE = ascii("\r\nset-cookie: ");
    private static final byte[] END = ascii("\r\n\r\n");
    private static final byte[] HEX = ascii("0123456789ABCDEF");
    /** What {@link #found} adds for the client's connection: nothing, or a whole {@code Connection} header line. */
    static final byte[] KEEP_OPEN = {};
    static final byte[] CLOSE = ascii("\r\nconnection: close");
    static final byte[] KEEP_ALIVE = ascii("\r\nconnection: keep-alive");

    private EdgeResponses() {
    }

    /**
     * A 302 written straight into one buffer: the same status and headers (and the same order) as
     * the filter's, without a response object and header map per click. {@code cookie} is the
     * {@code Set-Cookie} value, or null for none. The bytes are gathered in a heap array and copied
     * into the direct buffer at once, not written there one at a time through its bounds checks.
     */
    static ByteBuf found(ByteBufAllocator alloc, String location, String cookie, byte[] connection) {
        String safeLocation = headerValue(location);
        String safeCookie = cookie == null ? null : headerValue(cookie);
        byte[] out = new byte[FOUND.length + safeLocation.length() + NO_STORE.length + connection.length + END.length
                + (cookie == null ? 0 : SET_COOKIE.length + safeCookie.length())];
        int at = put(out, 0, FOUND);
        at = put(out, at, safeLocation);
        at = put(out, at, NO_STORE);
        if (safeCookie != null) {
            at = put(out, at, SET_COOKIE);
            at = put(out, at, safeCookie);
        }
        put(out, put(out, at, connection), END);
        return alloc.ioBuffer(out.length).writeBytes(out);
    }

    private static int put(byte[] out, int at, byte[] bytes) {
        System.arraycopy(bytes, 0, out, at, bytes.length);
        return at + bytes.length;
    }

    /** Copies a value of visible ASCII only ({@link #headerValue}), a byte per char. */
    private static int put(byte[] out, int at, String value) {
        for (int i = 0; i < value.length(); i++) {
            out[at + i] = (byte) value.charAt(i);
        }
        return at + value.length();
    }

    /**
     * The value itself when it is visible ASCII, as it always is; anything else (never in a location
     * made from a validated URL and URL-encoded macros, but a header must not carry it raw) as its
     * UTF-8 bytes percent-encoded, as a browser would send it.
     */
    private static String headerValue(String value) {
        int plain = 0;
        while (plain < value.length() && value.charAt(plain) >= 0x20 && value.charAt(plain) < 0x7f) {
            plain++;
        }
        if (plain == value.length()) {
            return value;
        }
        StringBuilder safe = new StringBuilder(value.length() + 16).append(value, 0, plain);
        for (int i = plain; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch < 0x20 || ch >= 0x7f) {
                int codePoint = value.codePointAt(i);
                for (byte b : Character.toString(codePoint).getBytes(StandardCharsets.UTF_8)) {
                    safe.append('%').append((char) HEX[(b >> 4) & 0xf]).append((char) HEX[b & 0xf]);
                }
                i += Character.charCount(codePoint) - 1;
            } else {
                safe.append(ch);
            }
        }
        return safe.toString();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** Tomcat could not be reached: plain text, as no page of the application can be shown. */
    static FullHttpResponse badGateway() {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_GATEWAY,
                Unpooled.wrappedBuffer(BAD_GATEWAY));
        HttpHeaders headers = response.headers();
        headers.set(HttpHeaderNames.CONTENT_TYPE, "text/plain;charset=UTF-8");
        headers.set(HttpHeaderNames.CONTENT_LENGTH, BAD_GATEWAY.length);
        headers.set(HttpHeaderNames.RETRY_AFTER, RedirectPages.Page.RETRY_AFTER_SECONDS);
        return response;
    }

    /**
     * A request refused before any rule saw it (unparseable, headers too large, a target Tomcat would
     * refuse too): the same small problem+json Tomcat answers, quoting nothing of the request.
     */
    static FullHttpResponse problem(int status) {
        byte[] body = ContainerProblems.body(status).getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status),
                Unpooled.wrappedBuffer(body));
        HttpHeaders headers = response.headers();
        headers.set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json");
        headers.set(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return response;
    }

    static FullHttpResponse page(RedirectPages.Page page) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(page.status()), Unpooled.wrappedBuffer(page.html()));
        HttpHeaders headers = response.headers();
        if (page.retry()) {
            headers.set(HttpHeaderNames.RETRY_AFTER, RedirectPages.Page.RETRY_AFTER_SECONDS);
        }
        headers.set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
        headers.set(HttpHeaderNames.CONTENT_TYPE, RedirectPages.Page.CONTENT_TYPE);
        headers.set(HttpHeaderNames.CONTENT_LENGTH, page.html().length);
        return response;
    }
}
