package io.linkledger.shared.openapi;

import java.util.List;
import java.util.Locale;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.models.Operation;

/**
 * Names every operation from its handler, so a controller added anywhere comes out right without
 * annotations: the tag is the feature (the top-level package, e.g. {@code offers}), the
 * operationId is the controller's subject and the method ({@code OfferController.list} →
 * {@code offerList}), and the summary says the method in words ("List offers"). An
 * {@code @Operation(operationId = ..., summary = ...)} or {@code @Tag} on the handler wins.
 */
@Component
class OperationNames implements OperationCustomizer {

    private static final String ROOT_PACKAGE = "io.linkledger.";
    private static final List<String> CONTROLLER_SUFFIXES = List.of("ApiController", "WebhookController", "Controller");

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        Class<?> controller = handler.getBeanType();
        io.swagger.v3.oas.annotations.Operation declared = AnnotatedElementUtils.findMergedAnnotation(
                handler.getMethod(), io.swagger.v3.oas.annotations.Operation.class);
        boolean tagged = AnnotatedElementUtils.hasAnnotation(handler.getMethod(), Tag.class)
                || AnnotatedElementUtils.hasAnnotation(controller, Tag.class);
        if (!tagged) {
            operation.setTags(List.of(feature(controller)));
        }
        String subject = subject(controller);
        String method = handler.getMethod().getName();
        if (declared == null || declared.operationId().isBlank()) {
            operation.setOperationId(lowerFirst(subject) + upperFirst(method));
        }
        if (declared == null || declared.summary().isBlank()) {
            operation.setSummary(summary(method, subject));
        }
        return operation;
    }

    /** The feature a controller belongs to: the package right under {@code io.linkledger}. */
    static String feature(Class<?> controller) {
        String name = controller.getPackageName();
        if (!name.startsWith(ROOT_PACKAGE)) {
            return name;
        }
        String rest = name.substring(ROOT_PACKAGE.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** {@code OfferController} → {@code Offer}; {@code ConversionApiController} → {@code Conversion}. */
    static String subject(Class<?> controller) {
        String name = controller.getSimpleName();
        for (String suffix : CONTROLLER_SUFFIXES) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    /**
     * A one-verb method acts on the controller's subject ({@code list} → "List offers",
     * {@code archive} → "Archive offer"); a longer name already says what it does
     * ({@code importCsv} → "Import csv").
     */
    static String summary(String method, String subject) {
        String words = words(method);
        if (words.contains(" ")) {
            return upperFirst(words);
        }
        String noun = words(subject);
        return upperFirst(words) + " " + (words.equals("list") ? plural(noun) : noun);
    }

    private static String plural(String noun) {
        if (noun.endsWith("s")) {
            return noun;
        }
        boolean consonantY = noun.matches(".*[^aeiou]y");
        return consonantY ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
    }

    /** {@code importCsv} → {@code import csv}; {@code ApiKey} → {@code api key}. */
    static String words(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private static String upperFirst(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
