package io.linkledger.ledger;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.linkledger.members.Member;
import io.linkledger.members.Members;
import io.linkledger.shared.Csv;

/**
 * A manual payment's items as files the brand sends the money with: PayPal's Payouts Web file
 * (one row per recipient, no header: recipient, amount, currency, customer id of at most 30
 * characters, note) and a plain bank transfer list with a header row.
 */
@Component
public class PayoutFiles {

    private final Members members;

    PayoutFiles(Members members) {
        this.members = members;
    }

    public String payPal(Payment payment) {
        StringBuilder csv = new StringBuilder();
        for (PaymentItem item : payment.items()) {
            csv.append(Csv.field(item.receiver())).append(',')
                    .append(item.amount().toDecimalString()).append(',')
                    .append(item.currency().getCurrencyCode()).append(',')
                    .append(customerId(item.memberId())).append(',')
                    .append(Csv.field("Commission payout " + payment.id())).append("\r\n");
        }
        return csv.toString();
    }

    public String bank(Payment payment) {
        Map<UUID, Member> byId = members.getAll(payment.brandId(),
                payment.items().stream().map(PaymentItem::memberId).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(Member::id, Function.identity()));
        StringBuilder csv = new StringBuilder("name,email,amount,currency,reference\r\n");
        for (PaymentItem item : payment.items()) {
            Member member = byId.get(item.memberId());
            csv.append(Csv.field(member == null ? "" : member.name())).append(',')
                    .append(Csv.field(item.receiver())).append(',')
                    .append(item.amount().toDecimalString()).append(',')
                    .append(item.currency().getCurrencyCode()).append(',')
                    .append(Csv.field("Commission " + payment.id().toString().substring(0, 8) + " "
                            + customerId(item.memberId()))).append("\r\n");
        }
        return csv.toString();
    }

    /** PayPal's Customer ID takes 30 characters without spaces: the random end of the member's id. */
    static String customerId(UUID memberId) {
        String hex = memberId.toString().replace("-", "");
        return hex.substring(hex.length() - 30);
    }
}
