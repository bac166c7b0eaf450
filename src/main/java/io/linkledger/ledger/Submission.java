package io.linkledger.ledger;

/**
 * How far a payment got to its payout provider. NOT_SENT: nothing reached the provider for
 * sure (never tried, or only answers that say the request was not processed). UNCERTAIN: an
 * attempt may have reached it and its answer was lost (written before every attempt, so a
 * crash mid-request leaves it too). ACCEPTED: the provider's batch id is known. REFUSED: the
 * provider refused the only submission that could have reached it, so nothing was paid.
 */
enum Submission {
    NOT_SENT, UNCERTAIN, ACCEPTED, REFUSED
}
