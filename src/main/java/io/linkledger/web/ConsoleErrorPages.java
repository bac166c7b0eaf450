package io.linkledger.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import io.linkledger.brands.BrandPrincipal;
/**
 * A console page that fails with a 4xx (another brand's offer, an address that does not exist,
 * an id that is not one) answers a page in the console layout instead of problem+json. Only a
 * signed-in console user's browser gets it: the request asks for HTML and is not under
 * {@code /api/}; API clients, and anything else, keep problem+json from the shared handler.
 * Runs before Spring MVC's {@code @ExceptionHandler}s and declines (null) what it does not render.
 */
@Component
class ConsoleErrorPages implements HandlerExceptionResolver, Ordered {

    private final ConsoleAdvice consoles;

    ConsoleErrorPages(ConsoleAdvice consoles) {
        this.consoles = consoles;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception exception) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        if (!wantsHtml(request) || authentication == null
                || !(authentication.getPrincipal() instanceof BrandPrincipal caller) || csrf == null) {
            return null;
        }
        ConsoleError error = ConsoleError.of(exception);
        if (error == null) {
            return null;
        }
        ModelAndView page = new ModelAndView("console/error", Map.of(
                "console", consoles.console(caller, authentication, csrf), "error", error));
        page.setStatus(HttpStatusCode.valueOf(error.status()));
        return page;
    }

    /** A browser asking for a console page; {@code /api/} answers machines whatever they accept. */
    private static boolean wantsHtml(HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return false;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && MediaType.parseMediaTypes(accept).stream()
                .anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
    }

    @Override
    public int getOrder() {
        // Before the handler-exception composite (order 0) that runs the @ExceptionHandlers.
        return -1;
    }
}
