package io.linkledger.tracking;

import java.net.InetSocketAddress;

import io.netty.channel.socket.SocketChannel;

/**
 * What every edge connection needs to know: where tracking links start ({@code contextPath + "/r"}),
 * how the redirect filter would judge the scheme and the client, how long a click may take to be
 * stored, when an idle connection is closed, and where Tomcat listens for everything else.
 */
record EdgeSettings(String redirectPath, boolean httpsBase, boolean trustForwardedFor, long ackTimeoutMillis,
        long idleTimeoutNanos, TrustedProxies proxies, InetSocketAddress tomcat,
        Class<? extends SocketChannel> channelType) {
}
