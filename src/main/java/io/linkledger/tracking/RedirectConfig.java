package io.linkledger.tracking;

import java.net.InetAddress;
import java.time.Duration;

import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Where tracking links are answered: by a servlet filter first in Tomcat's chain, ahead of security,
 * observation and MVC; and, with {@code linkledger.redirect.edge=true}, by the event-loop edge in
 * front of Tomcat ({@link RedirectEdge}), which then takes the public port. The filter stays in
 * both cases: it is what Tomcat's own port answers.
 */
@Configuration(proxyBeanMethods = false)
class RedirectConfig {

    @Bean
    FilterRegistrationBean<RedirectFilter> redirectFilter(Redirects redirects, RedirectMetrics metrics,
            @Value("${linkledger.base-url}") String baseUrl,
            @Value("${linkledger.tracking.trust-forwarded-for:false}") boolean trustForwardedFor,
            @Value("${linkledger.tracking.ack-timeout:2s}") Duration ackTimeout) {
        var registration = new FilterRegistrationBean<>(
                new RedirectFilter(redirects, metrics, isHttps(baseUrl), trustForwardedFor, ackTimeout.toMillis()));
        registration.setAsyncSupported(true);
        registration.addUrlPatterns(RedirectFilter.PATH_PREFIX + "*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    @ConditionalOnBooleanProperty("linkledger.redirect.edge")
    RedirectEdge redirectEdge(Redirects redirects, RedirectMetrics metrics, ApplicationContext context,
            ConfigurableEnvironment environment,
            @Value("${server.address:#{null}}") InetAddress address,
            @Value("${server.port:8080}") int port,
            @Value("${server.servlet.context-path:}") String contextPath,
            @Value("${linkledger.redirect.edge.threads}") int threads,
            @Value("${linkledger.redirect.edge.idle-timeout}") Duration idleTimeout,
            @Value("${linkledger.base-url}") String baseUrl,
            @Value("${linkledger.tracking.trust-forwarded-for:false}") boolean trustForwardedFor,
            @Value("${linkledger.tracking.ack-timeout:2s}") Duration ackTimeout,
            @Value("${server.tomcat.remoteip.internal-proxies}") String trustedProxies) {
        var options = new RedirectEdge.Options(address, port,
                threads > 0 ? threads : Runtime.getRuntime().availableProcessors(), idleTimeout.toMillis(),
                contextPath + RedirectFilter.PATH_PREFIX.substring(0, RedirectFilter.PATH_PREFIX.length() - 1),
                isHttps(baseUrl), trustForwardedFor, ackTimeout.toMillis(), TrustedProxies.of(trustedProxies));
        return new RedirectEdge(options, redirects, metrics, context, environment);
    }

    @Bean
    @ConditionalOnBooleanProperty("linkledger.redirect.edge")
    static TomcatBehindEdge tomcatBehindEdge(@Value("${linkledger.redirect.edge.tomcat-port}") int port) {
        return new TomcatBehindEdge(port);
    }

    /**
     * With the edge in front, Tomcat listens on loopback only, and trusts the edge's
     * {@code X-Forwarded-*} headers even when the operator's trusted proxies leave loopback out.
     * Runs after Boot's own customizers, which set the public port and add the valve.
     */
    record TomcatBehindEdge(int port) implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        private static final String EDGE = "127.0.0.1";

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.setAddress(InetAddress.getLoopbackAddress());
            factory.setPort(port);
            // No valve: the edge refuses to start (RedirectEdge.start), where it is known whether Tomcat runs at all.
            factory.getEngineValves().stream()
                    .filter(RemoteIpValve.class::isInstance).map(RemoteIpValve.class::cast)
                    .filter(valve -> !TrustedProxies.of(valve.getInternalProxies()).trusts(EDGE))
                    .forEach(valve -> valve.setInternalProxies("(?:" + valve.getInternalProxies() + ")|127\\.0\\.0\\.1"));
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    private static boolean isHttps(String baseUrl) {
        return baseUrl.regionMatches(true, 0, "https:", 0, 6);
    }
}
