package io.linkledger.tracking;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Puts the tracking link first in the servlet filter chain, ahead of security, observation and MVC. */
@Configuration(proxyBeanMethods = false)
class RedirectConfig {

    @Bean
    FilterRegistrationBean<RedirectFilter> redirectFilter(Redirects redirects, RedirectMetrics metrics,
            @Value("${linkledger.base-url}") String baseUrl,
            @Value("${linkledger.tracking.trust-forwarded-for:false}") boolean trustForwardedFor,
            @Value("${linkledger.tracking.ack-timeout:2s}") Duration ackTimeout) {
        boolean httpsBase = baseUrl.regionMatches(true, 0, "https:", 0, 6);
        var registration = new FilterRegistrationBean<>(
                new RedirectFilter(redirects, metrics, httpsBase, trustForwardedFor, ackTimeout.toMillis()));
        registration.setAsyncSupported(true);
        registration.addUrlPatterns(RedirectFilter.PATH_PREFIX + "*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
