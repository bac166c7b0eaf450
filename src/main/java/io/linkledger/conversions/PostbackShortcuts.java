package io.linkledger.conversions;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The postback path's shortcuts through the web stack. Server postbacks skip the security filter
 * chain, as tracking links do: they carry no session, form or cookie, and {@link Intake} checks
 * their credentials itself (the unguessable key, the IP allow-list, HTTP Basic, the hash). And
 * the inbound endpoints get a handler mapping of their own, asked first, so a postback is not
 * matched against every pattern of the API and the console.
 */
@Configuration(proxyBeanMethods = false)
class PostbackShortcuts {

    @Bean
    WebSecurityCustomizer postbacksOutsideSecurityFilters() {
        return web -> web.ignoring().requestMatchers("/postback/*");
    }

    @Bean
    RequestMappingHandlerMapping inboundHandlerMapping() {
        RequestMappingHandlerMapping mapping = new RequestMappingHandlerMapping() {
            @Override
            protected boolean isHandler(Class<?> beanType) {
                return InboundController.class.isAssignableFrom(beanType);
            }
        };
        mapping.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return mapping;
    }
}
