package io.linkledger.brands;

/** ADMIN changes anything; VIEWER reads reports and lists but changes nothing. */
public enum Role {
    ADMIN, VIEWER;

    public String authority() {
        return "ROLE_" + name();
    }
}
