package io.linkledger.dashboard;

/** Who is signed in to the Creator Portal: a person known by email address, across brands. */
record PortalMember(String email) {
}
