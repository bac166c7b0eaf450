package io.linkledger.tracking;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;

/**
 * One client connection to the edge: tracking links ({@code GET}/{@code HEAD /r/{code}}) are
 * answered here by the redirect rules, every other request is passed to Tomcat ({@link EdgeProxy}).
 *
 * <p>Requests are answered strictly in order, one at a time: a pipelined request waits (its bytes
 * already decoded are queued, and reading pauses when many are) until the one before it has its whole
 * answer written, so answers never overtake each other whichever path made them. Everything here
 * runs on the connection's event loop.
 */
final class EdgeConnection extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(EdgeConnection.class);
    /** Pipelined messages held before the connection stops reading. */
    private static final int QUEUE_LIMIT = 64;
    /** Reasons to stop reading from the client: too much queued, or Tomcat not keeping up with an upload. */
    static final int PAUSED_QUEUE = 1;
    static final int PAUSED_TOMCAT = 2;

    /** Where the body of the request being read goes. */
    private enum Body { DISCARD, PROXY }

    private final Redirects redirects;
    private final RedirectMetrics metrics;
    private final EdgeSettings settings;
    private final EdgeCodec.Encoder encoder;
    private final EdgeDeadlines deadlines;
    private ChannelHandlerContext ctx;
    private String peer;
    /** Whether the peer is a trusted proxy: judged once per connection, not per request. */
    private boolean peerTrusted;
    private int localPort;
    private ArrayDeque<Object> queued;
    private int paused;
    private Body body = Body.DISCARD;
    /** The current request has not had its whole answer written yet. */
    private boolean owed;
    private boolean keepAlive;
    private boolean http10;
    /** When the last answer was written whole (or the connection opened): idleness counts from there. */
    private long lastAnswered;
    private EdgeProxy proxy;

    EdgeConnection(Redirects redirects, RedirectMetrics metrics, EdgeSettings settings, EdgeCodec.Encoder encoder,
            EdgeDeadlines deadlines) {
        this.redirects = redirects;
        this.metrics = metrics;
        this.settings = settings;
        this.encoder = encoder;
        this.deadlines = deadlines;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        this.ctx = ctx;
        InetSocketAddress remote = (InetSocketAddress) ctx.channel().remoteAddress();
        peer = remote.getAddress().getHostAddress();
        peerTrusted = settings.proxies().trusts(peer);
        localPort = ((InetSocketAddress) ctx.channel().localAddress()).getPort();
        lastAnswered = System.nanoTime();
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if ((queued != null && !queued.isEmpty()) || (owed && msg instanceof HttpRequest)) {
            queue(msg);
        } else {
            dispatch(msg);
        }
    }

    private void dispatch(Object msg) {
        if (msg instanceof HttpRequest request) {
            start(request);
        } else if (msg instanceof HttpContent content) {
            boolean last = content instanceof LastHttpContent;
            if (body == Body.PROXY && proxy != null) {
                proxy.forward(content);
            } else {
                content.release();
            }
            if (last) {
                body = Body.DISCARD;
            }
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    private void start(HttpRequest request) {
        owed = true;
        if (request.decoderResult().isFailure()) {
            Throwable cause = request.decoderResult().cause();
            log.debug("Unreadable request from {}: {}", peer, cause.getMessage());
            refuse(cause instanceof TooLongHttpHeaderException ? 431 : cause instanceof TooLongHttpLineException ? 414 : 400);
            return;
        }
        HttpVersion version = request.protocolVersion();
        if (!version.equals(HttpVersion.HTTP_1_1) && !version.equals(HttpVersion.HTTP_1_0)) {
            refuse(505);
            return;
        }
        keepAlive = HttpUtil.isKeepAlive(request);
        http10 = version.equals(HttpVersion.HTTP_1_0);
        encoder.answering(request.method().equals(HttpMethod.HEAD));
        String uri = request.uri();
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        if (!isTrackingLink(request.method(), path)) {
            body = Body.PROXY;
            if (proxy == null) {
                proxy = new EdgeProxy(this, settings);
            }
            proxy.request(request, peer, peerTrusted, localPort);
        } else if (isRequestTarget(uri, query < 0 ? uri.length() : query)) {
            body = Body.DISCARD;
            follow(request, path, query < 0 ? null : uri);
        } else {
            refuse(400);
        }
    }

    /** A request no rule may see, answered as Tomcat would (problem+json) and its connection closed, as Tomcat does. */
    private void refuse(int status) {
        body = Body.DISCARD;
        keepAlive = false;
        encoder.answering(false);
        answer(EdgeResponses.problem(status));
    }

    private boolean isTrackingLink(HttpMethod method, String path) {
        String prefix = settings.redirectPath();
        return (method.equals(HttpMethod.GET) || method.equals(HttpMethod.HEAD)) && path.startsWith(prefix)
                && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
    }

    /**
     * What Tomcat accepts as a request target (its {@code HttpParser}, no relaxed characters): visible
     * ASCII but {@code " < > \\ ^ ` { | }}, and in the path (before {@code pathEnd}) every {@code %}
     * followed by two hex digits. Other requests get Tomcat's own verdict, being passed to it.
     */
    static boolean isRequestTarget(String uri, int pathEnd) {
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c <= ' ' || c >= 0x7f || "\"<>\\^`{|}".indexOf(c) >= 0) {
                return false;
            }
            if (c == '%' && i < pathEnd && (i + 2 >= uri.length() || Character.digit(uri.charAt(i + 1), 16) < 0
                    || Character.digit(uri.charAt(i + 2), 16) < 0)) {
                return false;
            }
        }
        return true;
    }

    /** As {@link RedirectFilter}: the one path segment after {@code /r/}, else the unknown-link page. */
    private void follow(HttpRequest request, String path, String uriWithQuery) {
        long started = System.nanoTime();
        var headers = request.headers();
        String forwardedFor = headers.get("X-Forwarded-For");
        boolean secure = settings.httpsBase()
                || (peerTrusted && "https".equalsIgnoreCase(headers.get("X-Forwarded-Proto")));
        EdgeAnswer answer = new EdgeAnswer(this, ctx.channel().eventLoop(), metrics, secure, started);
        int start = settings.redirectPath().length() + 1;
        if (path.length() <= start || path.indexOf('/', start) >= 0) {
            answer.accept(new Redirect.UnknownLink());
            return;
        }
        String deepLink = null;
        if (uriWithQuery != null) {
            var values = new QueryStringDecoder(uriWithQuery).parameters().get("url");
            deepLink = values == null ? null : values.getFirst();
        }
        Visit visit = new Visit(clientIp(forwardedFor), headers.get(HttpHeaderNames.USER_AGENT),
                headers.get(HttpHeaderNames.REFERER), deepLink);
        redirects.follow(path.substring(start), visit, answer);
        answer.awaitStored();
    }

    /** As the filter: the first X-Forwarded-For entry when the operator trusts it, else the address Tomcat would see. */
    private String clientIp(String forwardedFor) {
        if (settings.trustForwardedFor() && forwardedFor != null && !forwardedFor.isBlank()) {
            int comma = forwardedFor.indexOf(',');
            return (comma < 0 ? forwardedFor : forwardedFor.substring(0, comma)).trim();
        }
        return peerTrusted ? settings.proxies().client(peer, forwardedFor) : peer;
    }

    /** A whole answer made here: written, and the next request taken up. */
    void answer(HttpResponse response) {
        keepAliveHeader(response);
        answered(write(response));
    }

    /** A 302 made here, encoded straight into bytes with this client's {@code Connection} header. */
    void answerFound(String location, String cookie) {
        byte[] connection = !keepAlive ? EdgeResponses.CLOSE : http10 ? EdgeResponses.KEEP_ALIVE : EdgeResponses.KEEP_OPEN;
        answered(write(EdgeResponses.found(ctx.alloc(), location, cookie, connection)));
    }

    /**
     * A kept connection needs no word of how the write went (a failure closes it through
     * {@link #exceptionCaught}), so it gets no promise object per answer; one to be closed after the
     * write does (also when an upload is still coming in, see {@link #answered}).
     */
    private ChannelFuture write(Object answer) {
        if (keepAlive && body != Body.PROXY) {
            ctx.writeAndFlush(answer, ctx.voidPromise());
            return null;
        }
        return ctx.writeAndFlush(answer);
    }

    /** Sets {@code Connection} for this client, whatever the answer's maker said. */
    void keepAliveHeader(HttpResponse response) {
        if (!keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (http10) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        } else {
            response.headers().remove(HttpHeaderNames.CONNECTION);
        }
    }

    /**
     * The current request's answer is complete with this write: close, or go on to the next request.
     * {@code written} is needed only when the connection is not kept.
     */
    void answered(ChannelFuture written) {
        owed = false;
        lastAnswered = System.nanoTime();
        if (body == Body.PROXY) {
            // Tomcat answered before the whole upload came: the rest cannot go anywhere sensible.
            body = Body.DISCARD;
            keepAlive = false;
            proxy.close();
        }
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
            return;
        }
        // The next request, and as much of its body as came: a request's body is never held back behind it.
        while (queued != null && !queued.isEmpty() && !(owed && queued.peek() instanceof HttpRequest)) {
            dispatch(queued.poll());
        }
        if ((queued == null || queued.isEmpty()) && (paused & PAUSED_QUEUE) != 0) {
            resume(PAUSED_QUEUE);
        }
    }

    /** Tomcat ended the connection while a request is still being read: this one cannot be kept either. */
    void closeAfterAnswer() {
        keepAlive = false;
    }

    ChannelHandlerContext context() {
        return ctx;
    }

    EdgeDeadlines deadlines() {
        return deadlines;
    }

    void pause(int reason) {
        paused |= reason;
        ctx.channel().config().setAutoRead(false);
    }

    void resume(int reason) {
        paused &= ~reason;
        if (paused == 0) {
            ctx.channel().config().setAutoRead(true);
            ctx.read();
        }
    }

    private void queue(Object msg) {
        if (queued == null) {
            queued = new ArrayDeque<>();
        }
        queued.add(msg);
        if (queued.size() >= QUEUE_LIMIT) {
            pause(PAUSED_QUEUE);
        }
    }

    /**
     * A connection owed nothing that sent nothing for the idle timeout since its last answer is
     * closed, as Tomcat does. The idle handler watches reads only (watching writes costs a promise and
     * a listener per answer), so the time since the last answer is checked here.
     */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent && !owed && System.nanoTime() - lastAnswered >= settings.idleTimeoutNanos()) {
            ctx.close();
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (proxy != null) {
            proxy.clientWritable(ctx.channel().isWritable());
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (queued != null) {
            queued.forEach(ReferenceCountUtil::release);
            queued.clear();
        }
        if (proxy != null) {
            proxy.close();
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("Edge connection from {} failed: {}", peer, cause.toString());
        ctx.close();
    }
}
