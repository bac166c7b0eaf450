package io.linkledger.shared;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.PrintWriterOutput;

/**
 * Server-rendered HTML with JTE. Templates live in {@code src/main/jte} and are compiled to
 * Java classes at build time (jte-maven-plugin), so no template compiler runs in production.
 * A {@code @Controller} returns a view name such as {@code "dashboard/page"} (the template
 * {@code dashboard/page.jte}) with the template's {@code @param}s as model attributes.
 */
@Configuration(proxyBeanMethods = false)
class JteViews {

    static final String SUFFIX = ".jte";

    @Bean
    TemplateEngine templateEngine() {
        return TemplateEngine.createPrecompiled(ContentType.Html);
    }

    @Bean
    ViewResolver jteViewResolver(TemplateEngine engine) {
        return new JteViewResolver(engine);
    }

    /** Resolves names of existing templates; anything else (e.g. "redirect:") is left to Spring's resolvers. */
    static final class JteViewResolver implements ViewResolver, Ordered {

        private final TemplateEngine engine;

        JteViewResolver(TemplateEngine engine) {
            this.engine = engine;
        }

        @Override
        public View resolveViewName(String viewName, Locale locale) {
            String template = viewName + SUFFIX;
            return viewName.contains(":") || !engine.hasTemplate(template) ? null : new JteView(engine, template);
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    record JteView(TemplateEngine engine, String template) implements View {

        @Override
        public String getContentType() {
            return MediaType.TEXT_HTML_VALUE + ";charset=UTF-8";
        }

        @Override
        public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
                throws IOException {
            response.setCharacterEncoding("UTF-8");
            response.setContentType(getContentType());
            @SuppressWarnings("unchecked")
            Map<String, Object> params = (Map<String, Object>) model;
            engine.render(template, params, new PrintWriterOutput(response.getWriter()));
        }
    }
}
