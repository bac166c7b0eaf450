package io.linkledger.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.linkledger.members.Member;

/**
 * Add member or Edit member: the form as sent (or the member's values), and when the email
 * address belongs to another member already, that member, so the page can link to them.
 */
public record MemberFormView(Member member, Form form, Member duplicate) {

    static final String[] FIELDS = {"name", "email", "handle", "paypalEmail", "tags", "notes"};

    static MemberFormView blank() {
        return new MemberFormView(null, Form.empty(), null);
    }

    static MemberFormView of(Member member) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", member.name());
        values.put("email", member.email());
        values.put("handle", member.handle() == null ? "" : member.handle());
        values.put("paypalEmail", member.paypalEmail() == null ? "" : member.paypalEmail());
        values.put("tags", String.join(", ", member.tags()));
        values.put("notes", member.notes() == null ? "" : member.notes());
        return new MemberFormView(member, new Form(values, FormErrors.NONE), null);
    }

    public boolean editing() {
        return member != null;
    }

    public String title() {
        return editing() ? "Edit " + member.name() : "Add member";
    }

    public String action() {
        return editing() ? "/members/" + member.id() : "/members";
    }

    public String cancelHref() {
        return editing() ? "/members/" + member.id() : "/members";
    }
}
