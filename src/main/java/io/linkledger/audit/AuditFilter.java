package io.linkledger.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import io.linkledger.shared.ProblemException;

/**
 * Which entries to list; a null field does not filter. {@code actor} is an actor's email, key
 * name or id, or "system"; {@code from} is inclusive and {@code to} exclusive.
 */
public record AuditFilter(String actor, String entityType, String entityId, String action, Instant from,
        Instant to) {

    public AuditFilter {
        if (from != null && to != null && !from.isBefore(to)) {
            throw ProblemException.invalid("to", "must be after from");
        }
    }

    /**
     * A filter from request parameters: blanks do not filter; a time is an ISO-8601 instant
     * ({@code 2026-11-26T08:00:00Z}) or a UTC day ({@code 2026-11-26}), which as {@code to}
     * includes that whole day.
     */
    public static AuditFilter parse(String actor, String entityType, String entityId, String action, String from,
            String to) {
        return new AuditFilter(blankToNull(actor), blankToNull(entityType), blankToNull(entityId),
                blankToNull(action), time("from", from, false), time("to", to, true));
    }

    private static Instant time(String field, String value, boolean endOfDay) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be a UTC day like 2026-11-26 or an ISO-8601 time like "
                    + "2026-11-26T08:00:00Z, not '" + v + "'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
