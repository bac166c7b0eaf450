package io.linkledger.tracking;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseEncoder;

/**
 * The edge's HTTP/1.1 codec: Netty's {@code HttpServerCodec} in two halves, so that a 302 already
 * encoded into one buffer ({@link EdgeResponses#found}) goes straight to the socket instead of
 * through response objects, a header map and the encoder for every click.
 *
 * <p>What {@code HttpServerCodec} adds to the two halves is kept: a {@code HEAD} request's answer
 * has no body (the connection tells the encoder which request it is answering: it answers one at a
 * time, in order). Its other addition, closing the connection after a request with both
 * {@code Transfer-Encoding: chunked} and {@code Content-Length}, is not needed: the decoder refuses
 * such a request (RFC 9112, section 6.1), and the edge answers 400 and closes.
 */
final class EdgeCodec {

    private EdgeCodec() {
    }

    static HttpRequestDecoder decoder() {
        return new HttpRequestDecoder(new HttpDecoderConfig()
                .setMaxInitialLineLength(8192)
                .setMaxHeaderSize(16_384)
                .setMaxChunkSize(65_536));
    }

    static final class Encoder extends HttpResponseEncoder {

        private boolean head;

        /** The request whose answer is written next: a {@code HEAD}'s has headers only. */
        void answering(boolean head) {
            this.head = head;
        }

        /** A buffer is a whole answer encoded already; everything else is an HTTP object to encode. */
        @Override
        public boolean acceptOutboundMessage(Object msg) throws Exception {
            return !(msg instanceof ByteBuf) && super.acceptOutboundMessage(msg);
        }

        @Override
        protected boolean isContentAlwaysEmpty(HttpResponse msg) {
            return head || super.isContentAlwaysEmpty(msg);
        }
    }
}
