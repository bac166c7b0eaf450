package io.linkledger.tracking;

/** The click could not be stored in time, so the redirect must not be answered as if it were. */
class ClickNotStored extends RuntimeException {

    ClickNotStored(String message, Throwable cause) {
        super(message, cause);
    }

    ClickNotStored(String message) {
        super(message);
    }
}
