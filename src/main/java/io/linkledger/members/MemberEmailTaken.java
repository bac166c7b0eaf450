package io.linkledger.members;

import java.util.List;

import org.springframework.http.HttpStatus;

import io.linkledger.shared.FieldIssue;
import io.linkledger.shared.ProblemException;

/**
 * 409: another member of the brand has this email address. It names that member, so the console
 * can link to them and offer to use them instead of creating a second one.
 */
public class MemberEmailTaken extends ProblemException {

    private final transient Member existing;

    MemberEmailTaken(String email, Member existing) {
        super(HttpStatus.CONFLICT, "A member with email " + email.trim() + " already exists: " + existing.name()
                + " (id " + existing.id() + ")",
                List.of(new FieldIssue("email", "already belongs to " + existing.name())));
        this.existing = existing;
    }

    public Member existing() {
        return existing;
    }
}
