package io.linkledger.tracking;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;

/**
 * Tracking links skip the security filter chain: they are public, carry no session, no form and
 * no credentials, and the filters cost a measurable share of the redirect's time.
 */
@Configuration(proxyBeanMethods = false)
class RedirectSecurity {

    @Bean
    WebSecurityCustomizer redirectsOutsideSecurityFilters() {
        return web -> web.ignoring().requestMatchers("/r/*");
    }
}
