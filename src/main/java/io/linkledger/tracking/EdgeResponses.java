package io.linkledger.tracking;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/**
 * The edge's answers as Netty responses: the same status, headers and pages as the servlet
 * filter's ({@link RedirectFilter}), built from the same {@link RedirectPages}.
 */
final class EdgeResponses {

    private static final byte[] BAD_GATEWAY = "The server is starting or restarting. Please try again in a moment.\n"
            .getBytes(StandardCharsets.UTF_8);

    private EdgeResponses() {
    }

    static FullHttpResponse of(Redirect outcome, boolean secure) {
        return switch (outcome) {
            case Redirect.Tracked t -> tracked(t, secure);
            case Redirect.Fallback f -> found(f.location());
            case Redirect.OfferClosed c -> page(RedirectPages.offerClosed(c.reason()));
            case Redirect.UnknownLink u -> page(RedirectPages.UNKNOWN_LINK);
            case Redirect.Unavailable u -> page(RedirectPages.UNAVAILABLE);
        };
    }

    static FullHttpResponse tracked(Redirect.Tracked tracked, boolean secure) {
        FullHttpResponse response = found(tracked.location());
        response.headers().set(HttpHeaderNames.SET_COOKIE, RedirectPages.cookie(tracked, secure));
        return response;
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

    /** A request the edge could not parse (the decoder's verdict): nothing of it reaches the application. */
    static FullHttpResponse badRequest() {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_REQUEST,
                Unpooled.EMPTY_BUFFER);
        response.headers().set(HttpHeaderNames.CONTENT_LENGTH, HttpHeaderValues.ZERO);
        return response;
    }

    private static FullHttpResponse found(String location) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.FOUND,
                Unpooled.EMPTY_BUFFER);
        HttpHeaders headers = response.headers();
        headers.set(HttpHeaderNames.LOCATION, location);
        headers.set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
        headers.set(HttpHeaderNames.CONTENT_LENGTH, HttpHeaderValues.ZERO);
        return response;
    }

    private static FullHttpResponse page(RedirectPages.Page page) {
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
