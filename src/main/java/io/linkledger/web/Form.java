package io.linkledger.web;

import java.util.List;
import java.util.Map;

/** A form as it was sent, so a refused one comes back with what was typed, and why it was refused. */
public record Form(Map<String, String> values, FormErrors errors) {

    public static Form empty() {
        return new Form(Map.of(), FormErrors.NONE);
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public boolean failed(String field) {
        return errors.has(field);
    }

    public String error(String field) {
        return errors.error(field);
    }

    public String message() {
        return errors.message();
    }

    /** See {@link FormErrors#general}. */
    public List<String> general(String... inputs) {
        return errors.general(inputs);
    }
}
