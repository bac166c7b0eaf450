package io.linkledger.tracking;

/** What a tracking link answers. */
sealed interface Redirect {

    /** A stored click: 302 to the destination, with the click's transaction id in a cookie. */
    record Tracked(String location, String transactionId, int attributionWindowDays) implements Redirect {
    }

    /** The offer takes no traffic now; 302 to its fallback URL, nothing recorded. */
    record Fallback(String location) implements Redirect {
    }

    /** The offer takes no traffic now and has no fallback URL. */
    record OfferClosed(String reason) implements Redirect {
    }

    record UnknownLink() implements Redirect {
    }

    /** The click could not be stored, so the visitor is not sent on as if it were. */
    record Unavailable() implements Redirect {
    }
}
