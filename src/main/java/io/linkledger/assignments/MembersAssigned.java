package io.linkledger.assignments;

import java.util.List;

/** Published inside the transaction that made these assignments: members newly added to an offer. */
public record MembersAssigned(List<Assignment> assignments) {

    public MembersAssigned {
        assignments = List.copyOf(assignments);
    }
}
