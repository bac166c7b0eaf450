package io.linkledger.conversions;

import java.util.Optional;

/**
 * One quality rule: whether a conversion about to be made waits for a person, and why. A rule
 * never drops a conversion; it holds it.
 */
interface QualityRule {

    Optional<Hold> check(Candidate candidate);
}
