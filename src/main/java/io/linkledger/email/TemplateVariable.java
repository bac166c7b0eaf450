package io.linkledger.email;

/** A personalisation variable a template may use, with what it inserts (shown next to the editor). */
public record TemplateVariable(String name, String inserts) {

    /** As written in a template, e.g. {@code {{promo_code}}}. */
    public String tag() {
        return "{{" + name + "}}";
    }
}
