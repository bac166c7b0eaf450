package io.linkledger.conversions;

/**
 * A quality rule that fired on a conversion: the rule's name (e.g. {@code SALE_CAP}) and why, in
 * words a person reviewing it reads.
 */
public record Hold(String rule, String detail) {
}
