package io.linkledger.email;

/** QUEUED waits for (another) attempt; SENDING is claimed by a worker; SENT and FAILED are final. */
public enum EmailStatus {
    QUEUED, SENDING, SENT, FAILED
}
