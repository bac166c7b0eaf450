package io.linkledger.conversions;

import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.linkledger.members.Member;
import io.linkledger.members.Members;

/**
 * Holds a conversion whose buyer is the member: the buyer's email (a shop order's, a postback's
 * {@code email}) equals the member's email or PayPal email, or closely matches it (case, a
 * {@code +tag}, dots in a Gmail address).
 */
@Component
class SelfReferralRule implements QualityRule {

    private final Members members;

    SelfReferralRule(Members members) {
        this.members = members;
    }

    @Override
    public Optional<Hold> check(Candidate candidate) {
        String buyer = normalized(candidate.buyerEmail());
        if (buyer == null) {
            return Optional.empty();
        }
        Member member = members.get(candidate.draft().brandId(), candidate.draft().credit().memberId());
        if (buyer.equals(normalized(member.email()))) {
            return Optional.of(hold(candidate, "email"));
        }
        if (buyer.equals(normalized(member.paypalEmail()))) {
            return Optional.of(hold(candidate, "PayPal email"));
        }
        return Optional.empty();
    }

    private static Hold hold(Candidate candidate, String which) {
        return new Hold("SELF_REFERRAL", "The buyer's email (" + candidate.buyerEmail().strip()
                + ") matches the member's " + which + ".");
    }

    /** An address as one mailbox: lower case, no {@code +tag}, a Gmail address without dots; null if none. */
    static String normalized(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        String address = email.strip().toLowerCase(Locale.ROOT);
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return address;
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        int plus = local.indexOf('+');
        if (plus > 0) {
            local = local.substring(0, plus);
        }
        if (domain.equals("gmail.com") || domain.equals("googlemail.com")) {
            local = local.replace(".", "");
            domain = "gmail.com";
        }
        return local + "@" + domain;
    }
}
