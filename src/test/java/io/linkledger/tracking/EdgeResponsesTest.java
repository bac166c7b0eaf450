package io.linkledger.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;

/** The edge's 302 written straight into bytes: exactly the header lines, in order, that a client reads. */
class EdgeResponsesTest {

    private static String found(String location, String cookie, byte[] connection) {
        ByteBuf buf = EdgeResponses.found(UnpooledByteBufAllocator.DEFAULT, location, cookie, connection);
        try {
            return buf.toString(StandardCharsets.ISO_8859_1);
        } finally {
            buf.release();
        }
    }

    @Test
    void aTrackedClicksAnswerOnAKeptConnection() {
        assertThat(found("https://shop.example/p?afftrack=abc", "ll_tid=abc; Path=/; Max-Age=60; HttpOnly; SameSite=Lax",
                EdgeResponses.KEEP_OPEN)).isEqualTo("""
                HTTP/1.1 302 Found\r
                location: https://shop.example/p?afftrack=abc\r
                cache-control: no-store\r
                content-length: 0\r
                set-cookie: ll_tid=abc; Path=/; Max-Age=60; HttpOnly; SameSite=Lax\r
                \r
                """);
    }

    @Test
    void aFallbackHasNoCookieAndTheConnectionHeaderComesLast() {
        assertThat(found("https://shop.example/", null, EdgeResponses.CLOSE)).isEqualTo("""
                HTTP/1.1 302 Found\r
                location: https://shop.example/\r
                cache-control: no-store\r
                content-length: 0\r
                connection: close\r
                \r
                """);
        assertThat(found("https://shop.example/", null, EdgeResponses.KEEP_ALIVE)).contains("\r\nconnection: keep-alive\r\n\r\n");
    }

    @Test
    void controlCharactersAndNonAsciiAreSentPercentEncodedNeverRaw() {
        assertThat(found("https://shop.example/caf\u00e9/\ud83d\ude00?x=1\r\nSet-Cookie: evil=1", null, EdgeResponses.KEEP_OPEN))
                .startsWith("HTTP/1.1 302 Found\r\nlocation: https://shop.example/caf%C3%A9/%F0%9F%98%80?x=1%0D%0ASet-Cookie: evil=1\r\n");
    }
}
