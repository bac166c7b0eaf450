package io.linkledger.dashboard;

import java.io.Serializable;

/**
 * Who is signed in to the Creator Portal: a person known by email address, across brands.
 * Serializable, because sessions are kept in the database.
 */
record PortalMember(String email) implements Serializable {
}
