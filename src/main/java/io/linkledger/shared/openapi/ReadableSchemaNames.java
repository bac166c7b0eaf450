package io.linkledger.shared.openapi;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.swagger.v3.core.jackson.TypeNameResolver;

/**
 * Schema names for the OpenAPI document. By default a record is named by its simple name, so
 * {@code Payment.View} and {@code Balance.View} both become {@code View} and one overwrites the
 * other. A nested type is named after what it is nested in instead ({@code PaymentView},
 * {@code BalanceView}), without repeating it ({@code OfferController.OfferResponse} stays
 * {@code OfferResponse}). Should two types still get one name, the second keeps its qualified
 * name ({@code ledger.Payment.View}): the document stays right, and {@code OpenApiDocumentTest}
 * fails on the dot so the clash is seen.
 */
final class ReadableSchemaNames extends TypeNameResolver {

    private static final String ROOT_PACKAGE = "io.linkledger.";

    private final Map<String, Class<?>> owners = new ConcurrentHashMap<>();

    @Override
    protected String getNameOfClass(Class<?> type) {
        String name = readable(type);
        Class<?> owner = owners.putIfAbsent(name, type);
        return owner == null || owner == type ? name : qualified(type);
    }

    static String readable(Class<?> type) {
        Class<?> outer = type.getEnclosingClass();
        if (outer == null) {
            return type.getSimpleName();
        }
        String stem = stem(readable(outer));
        String inner = type.getSimpleName();
        if (inner.startsWith(stem)) {
            return inner;
        }
        if (stem.endsWith(inner)) {
            return stem;
        }
        return stem + inner.substring(overlap(stem, inner));
    }

    /** How many leading characters (whole words) of {@code inner} end {@code stem}: MemberImport, ImportPreview. */
    private static int overlap(String stem, String inner) {
        for (int length = Math.min(stem.length(), inner.length()) - 1; length > 0; length--) {
            boolean wholeWord = Character.isUpperCase(inner.charAt(length));
            if (wholeWord && stem.endsWith(inner.substring(0, length))) {
                return length;
            }
        }
        return 0;
    }

    /** {@code OfferController} → {@code Offer}, {@code Integrations} → {@code Integration}. */
    private static String stem(String name) {
        for (String suffix : new String[] {"ApiController", "Controller"}) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name.endsWith("s") && !name.endsWith("ss") ? name.substring(0, name.length() - 1) : name;
    }

    private static String qualified(Class<?> type) {
        String name = type.getName().replace('$', '.');
        return name.startsWith(ROOT_PACKAGE) ? name.substring(ROOT_PACKAGE.length()) : name;
    }
}
