package io.linkledger.members;

import java.util.List;

/**
 * Body of create (POST) and update (PATCH); on update, a field left out (null) keeps its value,
 * an empty one clears it ({@code tags: []} removes every tag).
 */
public record MemberRequest(String name, String email, String handle, String paypalEmail, String notes,
        List<String> tags) {

    public MemberRequest(String name, String email, String handle, String paypalEmail) {
        this(name, email, handle, paypalEmail, null, null);
    }

    /** Tags typed in one field, separated by commas or semicolons ({@code "vip, summer"}); none for a blank field. */
    public static List<String> tagsFrom(String text) {
        List<String> tags = Tags.split(text);
        return tags == null ? List.of() : tags;
    }
}
