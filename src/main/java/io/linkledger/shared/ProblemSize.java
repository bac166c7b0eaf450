package io.linkledger.shared;

import java.net.URI;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Keeps every problem body small whoever built it: a detail that quotes the caller's input is
 * cut short, and an {@code instance} (the request path, which Spring fills in) that is long is
 * left out, so an 8 KB path or value is never sent back.
 */
@RestControllerAdvice
public class ProblemSize implements ResponseBodyAdvice<Object> {

    public static final int MAX_DETAIL = 300;
    static final int MAX_INSTANCE = 200;

    /** {@code text} as it may appear in a problem: at most {@link #MAX_DETAIL} characters. */
    public static String cap(String text) {
        if (text == null || text.length() <= MAX_DETAIL) {
            return text;
        }
        return text.substring(0, MAX_DETAIL - 1) + "…";
    }

    /** Caps the detail and drops a long instance; returns the same problem. */
    public static ProblemDetail cap(ProblemDetail problem) {
        problem.setDetail(cap(problem.getDetail()));
        URI instance = problem.getInstance();
        if (instance != null && instance.toString().length() > MAX_INSTANCE) {
            problem.setInstance(null);
        }
        return problem;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
            ServerHttpResponse response) {
        return body instanceof ProblemDetail problem ? cap(problem) : body;
    }
}
