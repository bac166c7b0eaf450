package io.linkledger.ledger;

/**
 * The accounts of a brand's books in one currency. Lines are signed: debits positive,
 * credits negative, so assets and expenses carry positive balances and the member payable
 * (a liability) a negative one.
 */
public enum AccountKind {
    /** Asset: the brand's money that can pay members now ("available"). */
    BRAND_CASH,
    /** Asset: money a network remitted that has not settled yet ("pending"). */
    BRAND_CASH_PENDING,
    /** Asset: commission networks owe for approved conversions. */
    NETWORK_RECEIVABLE,
    /** Liability, one per member: approved commission not yet paid out. May turn positive after a clawback. */
    MEMBER_PAYABLE,
    /** Expense: member commission accrued on approval. */
    COMMISSION_EXPENSE,
    /** Income: network commission accrued on approval. */
    NETWORK_INCOME,
    /** Income or expense: what a remittance paid above or below what was expected. */
    REMITTANCE_VARIANCE,
    /** Expense: payout processing fees. */
    FEES,
    /** Equity: money the brand put in by bank transfer ("manual funding"). */
    FUNDING,
    /** Equity: money the brand put in by charging its linked card. */
    CARD_FUNDING
}
