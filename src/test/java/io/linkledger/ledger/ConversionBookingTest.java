package io.linkledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class ConversionBookingTest extends LedgerApiTest {

    @Test
    void pendingConversionFeedsPendingColumnWithoutTouchingTheBooks() {
        String member = newMember("Ada Pending");
        new Conversion(member).pending("12.00", "15.00");

        JsonNode line = overviewOf(member);
        assertThat(line.get("pending").asString()).isEqualTo("12.00");
        assertThat(line.get("owed").asString()).isEqualTo("0.00");
        assertThat(entries()).isZero();
    }

    @Test
    void approvalAccruesOwedAndNetworkReceivable() {
        String member = newMember("Ada Approved");
        new Conversion(member).pending("12.00", "15.00").approve();

        JsonNode line = overviewOf(member);
        assertThat(line.get("owed").asString()).isEqualTo("12.00");
        assertThat(line.get("pending").asString()).isEqualTo("0.00");
        assertThat(journal.balance(brand.id(), USD, AccountKind.NETWORK_RECEIVABLE)).isEqualTo(1500);
        assertThat(journal.balance(brand.id(), USD, AccountKind.COMMISSION_EXPENSE)).isEqualTo(1200);
    }

    @Test
    void redeliveredEventBooksOnce() {
        String member = newMember("Ada Twice");
        Conversion conversion = new Conversion(member).pending("10.00", "10.00").approve();
        publish(conversion.lastEvent);
        publish(conversion.lastEvent);
        assertThat(overviewOf(member).get("owed").asString()).isEqualTo("10.00");
    }

    @Test
    void commissionAdjustmentBooksTheDifference() {
        String member = newMember("Ada Adjusted");
        Conversion conversion = new Conversion(member).pending("10.00", "12.00").approve();
        conversion.adjust("7.50", "9.00");
        assertThat(overviewOf(member).get("owed").asString()).isEqualTo("7.50");
        assertThat(journal.balance(brand.id(), USD, AccountKind.NETWORK_RECEIVABLE)).isEqualTo(900);
        Conversion pending = new Conversion(member).pending("3.00", "3.00");
        pending.adjust("4.00", "4.00");
        assertThat(overviewOf(member).get("pending").asString()).isEqualTo("4.00");
    }

    @Test
    void reversalAfterApprovalClawsBackAndPendingReversalBooksNothing() {
        String member = newMember("Ada Reversed");
        new Conversion(member).pending("20.00", "25.00").approve().reverse();
        new Conversion(member).pending("5.00", "5.00").reverse();

        JsonNode line = overviewOf(member);
        assertThat(line.get("owed").asString()).isEqualTo("0.00");
        assertThat(line.get("pending").asString()).isEqualTo("0.00");
        assertThat(journal.balance(brand.id(), USD, AccountKind.NETWORK_RECEIVABLE)).isZero();
        assertThat(entries()).isEqualTo(2);
    }

    @Test
    void rolledBackConversionLeavesNoMoney() {
        String member = newMember("Ada Rollback");
        Conversion conversion = new Conversion(member);
        try {
            transactions.executeWithoutResult(tx -> {
                publisher.publishEvent(io.linkledger.conversions.ConversionMoneyChanged.of(new io.linkledger.conversions.MoneyChange(
                        java.util.UUID.randomUUID(), brand.id(), conversion.id, java.util.UUID.randomUUID(),
                        conversion.memberId, null, io.linkledger.conversions.ConversionStatus.APPROVED, null,
                        io.linkledger.shared.Money.parse("9.00", USD), null,
                        io.linkledger.shared.Money.parse("9.00", USD), clock.instant())));
                throw new IllegalStateException("the conversion failed to save");
            });
        } catch (IllegalStateException expected) {
            // the conversions feature's transaction rolled back
        }
        assertThat(entries()).isZero();
    }
}
