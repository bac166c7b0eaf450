package io.linkledger.conversions;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;

/**
 * Server postbacks skip the security filter chain, as tracking links do: they carry no session,
 * form or cookie, and {@link Intake} checks their credentials itself (the unguessable key, the
 * IP allow-list, HTTP Basic, the hash). The filters cost a measurable share of a postback's time.
 */
@Configuration(proxyBeanMethods = false)
class PostbackSecurity {

    @Bean
    WebSecurityCustomizer postbacksOutsideSecurityFilters() {
        return web -> web.ignoring().requestMatchers("/postback/*");
    }
}
