package io.linkledger.web;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Which members of the project a Sales Tracking step works on: all of them, or the listed
 * ones. It travels in the forms and fragment URLs, so no step keeps state in the session.
 */
public record StageSelection(boolean all, List<UUID> memberIds) {

    public StageSelection {
        memberIds = memberIds == null ? List.of() : List.copyOf(memberIds);
    }

    public boolean empty() {
        return !all && memberIds.isEmpty();
    }

    public int size(long projectMembers) {
        return all ? (int) projectMembers : memberIds.size();
    }

    /** The selection as query parameters, for the URLs fragments poll or page through. */
    public String query() {
        if (all) {
            return "all=true";
        }
        return memberIds.stream().map(id -> "memberIds=" + id).collect(Collectors.joining("&"));
    }
}
