package io.linkledger.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.linkledger.audit.AuditLog;
import io.linkledger.audit.AuditRecord;
import io.linkledger.shared.Page;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log page: the filters as typed, one page of entries newest first, each with its
 * changed fields side by side (was, now), and where the CSV of the same filter is.
 */
public record AuditLogView(Filter filter, AuditLog.Choices choices, List<Row> rows, long total, int pageNumber,
        int pages) {

    static final int PAGE = 50;

    /** The filters as the form sent them (blank: not filtering). */
    public record Filter(String actor, String entityType, String entityId, String action, String from, String to) {

        String query() {
            List<String> parts = new ArrayList<>();
            add(parts, "actor", actor);
            add(parts, "entityType", entityType);
            add(parts, "entityId", entityId);
            add(parts, "action", action);
            add(parts, "from", from);
            add(parts, "to", to);
            return String.join("&", parts);
        }

        private static void add(List<String> parts, String name, String value) {
            if (value != null && !value.isBlank()) {
                parts.add(name + "=" + URLEncoder.encode(value.trim(), StandardCharsets.UTF_8));
            }
        }
    }

    /** One changed field: its value before and after, as text ("—" for none). */
    public record Field(String name, String before, String after) {
    }

    /** An entry as shown: who in words, and its changed fields. */
    public record Row(AuditRecord entry, List<Field> fields) {

        public String who() {
            return switch (entry.actor().type()) {
                case USER -> entry.actor().name();
                case API_KEY -> "API key “" + entry.actor().name() + "”";
                case SYSTEM -> "System";
            };
        }

        /** A creation has no "was" side, a removal no "now" side: their columns are left out. */
        public boolean hasBefore() {
            return entry.before() != null;
        }

        public boolean hasAfter() {
            return entry.after() != null;
        }
    }

    static Row row(AuditRecord entry, JsonMapper json) {
        JsonNode before = entry.before() == null ? null : json.readTree(entry.before());
        JsonNode after = entry.after() == null ? null : json.readTree(entry.after());
        Set<String> names = new LinkedHashSet<>();
        if (after != null) {
            names.addAll(after.propertyNames());
        }
        if (before != null) {
            names.addAll(before.propertyNames());
        }
        List<Field> fields = names.stream()
                .map(name -> new Field(name, text(before == null ? null : before.get(name)),
                        text(after == null ? null : after.get(name))))
                .toList();
        return new Row(entry, fields);
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return "—";
        }
        if (value.isString()) {
            return value.asString().isEmpty() ? "(empty)" : value.asString();
        }
        return value.toString();
    }

    static AuditLogView of(Filter filter, AuditLog.Choices choices, Page<AuditRecord> page, int number,
            JsonMapper json) {
        return new AuditLogView(filter, choices, page.items().stream().map(e -> row(e, json)).toList(), page.total(),
                number, (int) Math.max(1, (page.total() + PAGE - 1) / PAGE));
    }

    public String csvUrl() {
        String query = filter.query();
        return "/audit.csv" + (query.isEmpty() ? "" : "?" + query);
    }

    public String pageUrl(int page) {
        String query = filter.query();
        return "/audit?" + (query.isEmpty() ? "" : query + "&") + "page=" + page;
    }
}
