package io.linkledger.conversions;

/** PENDING → APPROVED (locked) → PAID, or → REVERSED. */
public enum ConversionStatus {
    PENDING, APPROVED, PAID, REVERSED
}
