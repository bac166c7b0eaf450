package io.linkledger.conversions;

/**
 * PENDING → APPROVED (locked) → PAID, or → REVERSED. HELD: a quality rule fired and a person
 * decides; it is released to PENDING or APPROVED, or reversed.
 */
public enum ConversionStatus {
    PENDING, APPROVED, PAID, REVERSED, HELD;

    /** Whether it counts in sales, reports and money: neither reversed nor held for review. */
    public boolean counts() {
        return this != REVERSED && this != HELD;
    }
}
