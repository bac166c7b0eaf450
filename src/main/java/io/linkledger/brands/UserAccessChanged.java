package io.linkledger.brands;

/**
 * A user's right to act changed: disabled, given another role or another password. Published
 * inside the change's transaction; whoever keeps sign-ins ends the user's sessions, so the old
 * rights do not outlive the change.
 */
public record UserAccessChanged(User user) {
}
