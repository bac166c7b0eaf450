package io.linkledger.tracking;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * Passes one client connection's non-redirect requests to Tomcat on its loopback port, over one
 * kept-alive connection of its own, on the same event loop. Bodies stream both ways (an upload is
 * never held whole in memory: reading from the side that is ahead pauses while the other cannot
 * take more). Tomcat sees the client as a proxy's client: {@code X-Forwarded-For/-Proto/-Port},
 * which its {@code RemoteIpValve} honours from the edge's loopback address, so client addresses,
 * {@code https} and absolute URLs come out as if the client had connected to Tomcat directly.
 */
final class EdgeProxy {

    private static final Logger log = LoggerFactory.getLogger(EdgeProxy.class);
    private static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final String FORWARDED_PROTO = "X-Forwarded-Proto";
    private static final String FORWARDED_PORT = "X-Forwarded-Port";
    private static final String FORWARDED_HOST = "X-Forwarded-Host";
    /** Hop-by-hop headers (RFC 9110 section 7.6.1): about one connection, never passed on. */
    private static final List<CharSequence> HOP_BY_HOP = List.of(HttpHeaderNames.CONNECTION, HttpHeaderNames.KEEP_ALIVE,
            HttpHeaderNames.PROXY_CONNECTION, HttpHeaderNames.UPGRADE, HttpHeaderNames.TE, HttpHeaderNames.TRAILER,
            "HTTP2-Settings");

    private final EdgeConnection client;
    private final EdgeSettings settings;
    private Channel tomcat;
    private boolean connected;
    /** What the client sent while the connection to Tomcat was being made. */
    private final List<Object> waiting = new ArrayList<>();
    /** A request is with Tomcat and its whole answer has not come back yet. */
    private boolean exchanging;
    private boolean answerStarted;
    private boolean interim;
    private boolean tomcatKeepAlive;

    EdgeProxy(EdgeConnection client, EdgeSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    void request(HttpRequest request, String peer, boolean peerTrusted, int localPort) {
        exchanging = true;
        answerStarted = false;
        HttpHeaders headers = request.headers();
        for (String token : headers.getAll(HttpHeaderNames.CONNECTION)) {
            for (String name : token.split(",")) {
                headers.remove(name.trim());
            }
        }
        HOP_BY_HOP.forEach(headers::remove);
        forwarded(headers, peer, peerTrusted, localPort);
        request.setProtocolVersion(HttpVersion.HTTP_1_1);
        send(request);
    }

    /**
     * What Tomcat's {@code RemoteIpValve} would have believed from this peer stays; a peer it would
     * not trust loses its {@code X-Forwarded-*} claims. Either way the peer joins the chain, and
     * when no trusted proxy named the scheme the edge names its own (plain HTTP on its port).
     */
    private void forwarded(HttpHeaders headers, String peer, boolean peerTrusted, int localPort) {
        if (!peerTrusted) {
            headers.remove(FORWARDED_FOR).remove(FORWARDED_PROTO).remove(FORWARDED_PORT).remove(FORWARDED_HOST);
        }
        String chain = headers.get(FORWARDED_FOR);
        headers.set(FORWARDED_FOR, chain == null || chain.isBlank() ? peer : chain + ", " + peer);
        if (!headers.contains(FORWARDED_PROTO)) {
            headers.set(FORWARDED_PROTO, "http");
            headers.set(FORWARDED_PORT, localPort);
        }
    }

    void forward(HttpContent content) {
        send(content);
    }

    private void send(Object msg) {
        if (tomcat == null) {
            connect();
        }
        if (!connected) {
            waiting.add(msg);
            return;
        }
        tomcat.writeAndFlush(msg);
        if (!tomcat.isWritable()) {
            client.pause(EdgeConnection.PAUSED_TOMCAT);
        }
    }

    private void connect() {
        Channel channel = client.context().channel();
        Answers answers = new Answers();
        ChannelFuture connecting = new Bootstrap().group(channel.eventLoop())
                .channel(settings.channelType())
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new HttpClientCodec(4096, 65_536, 65_536), answers);
                    }
                })
                .connect(settings.tomcat());
        tomcat = connecting.channel();
        connecting.addListener(done -> {
            if (connecting.channel() != tomcat) {
                return;
            }
            if (done.isSuccess()) {
                connected = true;
                waiting.forEach(tomcat::write);
                waiting.clear();
                tomcat.flush();
            } else {
                log.warn("Could not reach Tomcat at {}: {}", settings.tomcat(), done.cause().toString());
                waiting.forEach(ReferenceCountUtil::release);
                waiting.clear();
                lost();
            }
        });
    }

    /** The connection to Tomcat is gone: the client gets a 502 if nothing of the answer was sent, else is closed. */
    private void lost() {
        tomcat = null;
        connected = false;
        if (!exchanging) {
            return;
        }
        exchanging = false;
        if (answerStarted) {
            client.context().close();
        } else {
            client.closeAfterAnswer();
            client.answer(EdgeResponses.badGateway());
        }
    }

    void clientWritable(boolean writable) {
        if (tomcat != null) {
            tomcat.config().setAutoRead(writable);
        }
    }

    void close() {
        waiting.forEach(ReferenceCountUtil::release);
        waiting.clear();
        exchanging = false;
        if (tomcat != null) {
            tomcat.close();
            tomcat = null;
        }
    }

    /** Tomcat's side of one connection: its answers, passed on to the client in order. */
    private final class Answers extends ChannelInboundHandlerAdapter {

        private ChannelHandlerContext client() {
            return client.context();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (ctx.channel() != tomcat || !exchanging) {
                ReferenceCountUtil.release(msg);
                return;
            }
            if (msg instanceof HttpResponse response) {
                int status = response.status().code();
                interim = status >= 100 && status < 200;
                if (!interim) {
                    tomcatKeepAlive = HttpUtil.isKeepAlive(response);
                    answerStarted = true;
                }
                HOP_BY_HOP.forEach(response.headers()::remove);
                client.keepAliveHeader(response);
            }
            if (msg instanceof LastHttpContent && !interim) {
                exchanging = false;
                if (!tomcatKeepAlive) {
                    tomcat = null;
                    connected = false;
                    ctx.close();
                }
                client.answered(client().writeAndFlush(msg));
            } else if (msg instanceof HttpObject) {
                client().write(msg);
                if (msg instanceof LastHttpContent) {
                    client().flush();
                }
            } else {
                ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            client().flush();
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            if (ctx.channel() != tomcat) {
                return;
            }
            if (ctx.channel().isWritable()) {
                client.resume(EdgeConnection.PAUSED_TOMCAT);
            } else {
                client.pause(EdgeConnection.PAUSED_TOMCAT);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (ctx.channel() == tomcat) {
                lost();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            log.debug("Connection to Tomcat failed: {}", cause.toString());
            ctx.close();
        }
    }
}
