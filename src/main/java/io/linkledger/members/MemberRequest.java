package io.linkledger.members;

/** Body of create (POST) and update (PATCH); on update, a field left out keeps its value. */
public record MemberRequest(String name, String email, String handle, String paypalEmail) {
}
