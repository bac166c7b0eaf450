package io.linkledger.members;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.linkledger.shared.Validation;

/** The rules of member tags: short labels, compared ignoring case, at most {@value #MAX} a member. */
final class Tags {

    static final int MAX = 20;
    static final int MAX_LENGTH = 50;

    private Tags() {
    }

    /** Tags typed in one field or CSV cell, separated by commas or semicolons; null for a blank text. */
    static List<String> split(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Arrays.stream(text.split("[,;]")).map(String::trim).filter(t -> !t.isEmpty()).toList();
    }

    static void validate(List<String> tags, Validation v) {
        if (tags == null) {
            return;
        }
        for (String tag : tags) {
            if (tag == null || tag.isBlank()) {
                v.add("tags", "a tag cannot be empty");
            } else if (tag.trim().length() > MAX_LENGTH) {
                v.add("tags", "'" + tag.trim() + "' is longer than " + MAX_LENGTH + " characters");
            } else if (tag.contains(",") || tag.contains(";")) {
                v.add("tags", "'" + tag.trim() + "' has a comma or semicolon; those separate tags");
            }
        }
        v.check(normalize(tags).size() <= MAX, "tags", "a member has at most " + MAX + " tags");
    }

    /** Trimmed, one of each ignoring case (the first spelling wins), in alphabetical order. */
    static List<String> normalize(List<String> tags) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String tag : tags) {
            if (tag != null && !tag.isBlank()) {
                byKey.putIfAbsent(key(tag), tag.trim());
            }
        }
        List<String> sorted = new ArrayList<>(byKey.values());
        sorted.sort(Comparator.comparing(Tags::key));
        return List.copyOf(sorted);
    }

    static String key(String tag) {
        return tag.trim().toLowerCase(Locale.ROOT);
    }
}
