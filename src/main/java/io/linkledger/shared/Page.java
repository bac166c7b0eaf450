package io.linkledger.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a list answer: {@code {items, total, limit, offset}}. */
public record Page<T>(List<T> items, long total, int limit, int offset) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), total, limit, offset);
    }

    /** Clamps a requested limit into 1..MAX_LIMIT. */
    public static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        return Math.max(1, Math.min(MAX_LIMIT, requested));
    }

    public static int offset(Integer requested) {
        return requested == null ? 0 : Math.max(0, requested);
    }
}
