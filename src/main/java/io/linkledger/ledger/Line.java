package io.linkledger.ledger;

import java.util.UUID;

/** One side of a journal entry: a signed amount (debit positive) on one account. */
record Line(AccountKind kind, UUID memberId, long amount) {

    static Line debit(AccountKind kind, long amount) {
        return new Line(kind, null, amount);
    }

    static Line credit(AccountKind kind, long amount) {
        return new Line(kind, null, -amount);
    }

    static Line debitMember(UUID memberId, long amount) {
        return new Line(AccountKind.MEMBER_PAYABLE, memberId, amount);
    }

    static Line creditMember(UUID memberId, long amount) {
        return new Line(AccountKind.MEMBER_PAYABLE, memberId, -amount);
    }
}
