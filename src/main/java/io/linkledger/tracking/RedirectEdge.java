package io.linkledger.tracking;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.catalina.valves.RemoteIpValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;

/**
 * The public port when {@code linkledger.redirect.edge=true}: a Netty event loop that answers
 * tracking links itself and passes every other request to Tomcat, which then listens on a
 * loopback port only (docs/PERFORMANCE.md, issue 17). Starts after Tomcat, whose port it needs,
 * and stops before it; {@code local.server.port} then names the edge's port, so whoever asks for
 * "the server's port" reaches the same front door a visitor does.
 */
final class RedirectEdge implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RedirectEdge.class);
    /** Connections waiting to be accepted: a burst of new visitors must not overflow the kernel's queue. */
    private static final int BACKLOG = 4096;
    private static final long QUIET_PERIOD_MILLIS = 200;
    /** Netty's own switch for leak detection; when an operator sets it, theirs stands. */
    private static final String LEAK_DETECTION = "io.netty.leakDetection.level";

    /** Where the edge listens and how it judges requests; {@code tomcat} is filled in at start. */
    record Options(InetAddress address, int port, int threads, long idleTimeoutMillis, String redirectPath,
            boolean httpsBase, boolean trustForwardedFor, long ackTimeoutMillis, TrustedProxies proxies) {
    }

    private final Options options;
    private final Redirects redirects;
    private final RedirectMetrics metrics;
    private final ApplicationContext context;
    private final ConfigurableEnvironment environment;
    private EventLoopGroup loops;
    private Channel listening;

    RedirectEdge(Options options, Redirects redirects, RedirectMetrics metrics, ApplicationContext context,
            ConfigurableEnvironment environment) {
        this.options = options;
        this.redirects = redirects;
        this.metrics = metrics;
        this.context = context;
        this.environment = environment;
    }

    @Override
    public void start() {
        if (!(context instanceof WebServerApplicationContext web)) {
            log.info("No embedded web server to stand in front of (a mock web environment): the redirect edge is off");
            return;
        }
        if (web.getWebServer() instanceof TomcatWebServer tomcat && Arrays.stream(
                tomcat.getTomcat().getEngine().getPipeline().getValves()).noneMatch(RemoteIpValve.class::isInstance)) {
            throw new IllegalStateException("linkledger.redirect.edge=true needs server.forward-headers-strategy=native: "
                    + "Tomcat learns the client's address from the edge's X-Forwarded-For");
        }
        // Netty's default samples about one buffer in a hundred for leak reports, with a stack trace
        // each: 1.7 % of the event loops' time per click. Off unless asked for (docs/operations.md).
        if (System.getProperty(LEAK_DETECTION) == null) {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends ServerChannel> serverType = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        Class<? extends SocketChannel> channelType = epoll ? EpollSocketChannel.class : NioSocketChannel.class;
        var tomcat = new InetSocketAddress(InetAddress.getLoopbackAddress(), web.getWebServer().getPort());
        var settings = new EdgeSettings(options.redirectPath(), options.httpsBase(), options.trustForwardedFor(),
                options.ackTimeoutMillis(), TimeUnit.MILLISECONDS.toNanos(options.idleTimeoutMillis()),
                options.proxies(), tomcat, channelType);
        loops = new MultiThreadIoEventLoopGroup(options.threads(), new DefaultThreadFactory("redirect-edge"), io);
        Map<EventExecutor, EdgeDeadlines> deadlines = new IdentityHashMap<>();
        loops.forEach(loop -> deadlines.put(loop, new EdgeDeadlines((EventLoop) loop, options.ackTimeoutMillis())));
        listening = new ServerBootstrap().group(loops)
                .channel(serverType)
                .option(ChannelOption.SO_BACKLOG, BACKLOG)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        var encoder = new EdgeCodec.Encoder();
                        channel.pipeline().addLast(
                                new IdleStateHandler(options.idleTimeoutMillis(), 0, 0, TimeUnit.MILLISECONDS),
                                EdgeCodec.decoder(), encoder,
                                new EdgeConnection(redirects, metrics, settings, encoder,
                                        deadlines.get(channel.eventLoop())));
                    }
                })
                .bind(options.address() == null ? new InetSocketAddress(options.port())
                        : new InetSocketAddress(options.address(), options.port()))
                .syncUninterruptibly()
                .channel();
        int port = ((InetSocketAddress) listening.localAddress()).getPort();
        publishPort(port);
        log.info("Redirect edge ({}) on port {}: tracking links answered there, other requests passed to Tomcat on {}",
                epoll ? "epoll" : "NIO", port, tomcat);
    }

    /** Overrides what Boot recorded for Tomcat (its {@code ServerPortInfoApplicationContextInitializer}). */
    private void publishPort(int port) {
        PropertySource<?> ports = environment.getPropertySources().get("server.ports");
        if (ports == null) {
            Map<String, Object> values = new HashMap<>();
            environment.getPropertySources().addFirst(new MapPropertySource("server.ports", values));
            values.put("local.server.port", port);
        } else {
            @SuppressWarnings("unchecked")
            Map<String, Object> values = (Map<String, Object>) ports.getSource();
            values.put("local.server.port", port);
        }
    }

    /**
     * Takes no new connections, then lets the event loops answer what they still owe (the click
     * sink stops after the web server, so commits still come) until nothing has happened for a
     * moment, or for at most one acknowledgement timeout more.
     */
    @Override
    public void stop() {
        if (listening == null) {
            return;
        }
        listening.close().syncUninterruptibly();
        loops.shutdownGracefully(QUIET_PERIOD_MILLIS, options.ackTimeoutMillis() + 1_000, TimeUnit.MILLISECONDS)
                .syncUninterruptibly();
        listening = null;
    }

    @Override
    public boolean isRunning() {
        return listening != null;
    }

    /** After the web server (Boot starts it in an earlier phase), so Tomcat's port is known; stopped first. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
