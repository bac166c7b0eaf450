package io.linkledger.ledger;

/** Why a journal entry exists. */
enum EntryType {
    FUNDING, CARD_TOP_UP, ACCRUAL, REMITTANCE, SETTLEMENT, REMITTANCE_VOID, PAYMENT, PAYMENT_RETURNED
}
