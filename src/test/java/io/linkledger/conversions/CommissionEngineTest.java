package io.linkledger.conversions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.linkledger.assignments.Assignment;
import io.linkledger.assignments.CommissionOverride;
import io.linkledger.conversions.CommissionEngine.Commission;
import io.linkledger.offers.ConversionType;
import io.linkledger.offers.Offer;
import io.linkledger.offers.OfferStatus;
import io.linkledger.offers.OfferTerms;
import io.linkledger.offers.OfferTerms.VolumeTier;
import io.linkledger.offers.OfferType;
import io.linkledger.offers.PayoutRule;
import io.linkledger.offers.PayoutType;
import io.linkledger.offers.TrackingProtocol;
import io.linkledger.shared.Money;

/** What a member earns for one sale: payout types, which payout applies, volume tiers, rounding. */
class CommissionEngineTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final UUID DEFAULT = UUID.randomUUID();
    private static final UUID VIP = UUID.randomUUID();

    private final CommissionEngine engine = new CommissionEngine();

    private static Money usd(String amount) {
        return Money.parse(amount, USD);
    }

    private static PayoutRule rule(UUID id, PayoutType type, String amount, String percent, boolean isDefault) {
        return new PayoutRule(id, id.toString(), type, amount == null ? null : usd(amount),
                percent == null ? null : new BigDecimal(percent), isDefault);
    }

    private static Offer offer(PayoutRule... payouts) {
        return new Offer(UUID.randomUUID(), UUID.randomUUID(), "Offer", null, OfferType.LINK, ConversionType.SALE, USD,
                TrackingProtocol.SERVER_POSTBACK_TRANSACTION_ID, "https://shop.example.test/", null, List.of(), null,
                null, OfferStatus.ACTIVE, 30, List.of(payouts), Instant.EPOCH, Instant.EPOCH);
    }

    private static Assignment member(UUID payoutId, CommissionOverride override) {
        return new Assignment(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), null, "link",
                null, "token", payoutId, override, Instant.EPOCH, Instant.EPOCH);
    }

    private static OfferTerms tiers(String... fromAndPercent) {
        List<VolumeTier> tiers = new java.util.ArrayList<>();
        for (int i = 0; i < fromAndPercent.length; i += 2) {
            tiers.add(new VolumeTier(usd(fromAndPercent[i]), new BigDecimal(fromAndPercent[i + 1])));
        }
        return new OfferTerms(null, tiers);
    }

    /** A month's sales that must not be asked for: the commission does not depend on them. */
    private static final Supplier<Money> UNASKED = () -> fail("month sales were asked for");

    private Commission compute(Offer offer, Assignment assignment, OfferTerms terms, String sale,
            Supplier<Money> monthSales) {
        return engine.compute(offer, assignment, terms, usd(sale), monthSales);
    }

    @Test
    void cpaPaysTheFlatAmountWhateverTheSale() {
        Offer offer = offer(rule(DEFAULT, PayoutType.CPA, "5.00", null, true));

        Commission commission = compute(offer, member(null, null), OfferTerms.NONE, "123.45", UNASKED);

        assertThat(commission.amount()).isEqualTo(usd("5.00"));
        assertThat(commission.type()).isEqualTo(PayoutType.CPA);
    }

    @Test
    void cpsPaysAPercentOfTheSaleRoundedHalfEven() {
        Offer offer = offer(rule(DEFAULT, PayoutType.CPS, null, "10", true));

        assertThat(compute(offer, member(null, null), OfferTerms.NONE, "123.45", UNASKED).amount())
                .isEqualTo(usd("12.34")); // 12.345: the even neighbour
        assertThat(compute(offer, member(null, null), OfferTerms.NONE, "123.55", UNASKED).amount())
                .isEqualTo(usd("12.36")); // 12.355: the even neighbour
        assertThat(compute(offer, member(null, null), OfferTerms.NONE, "0.00", UNASKED).amount())
                .isEqualTo(usd("0.00"));
    }

    @Test
    void cpaCpsPaysTheFlatAmountPlusThePercent() {
        Offer offer = offer(rule(DEFAULT, PayoutType.CPA_CPS, "2.00", "5", true));

        Commission commission = compute(offer, member(null, null), OfferTerms.NONE, "80.00", UNASKED);

        assertThat(commission.amount()).isEqualTo(usd("6.00"));
        assertThat(commission.type()).isEqualTo(PayoutType.CPA_CPS);
    }

    @Test
    void cpcPaysNothingPerConversion() {
        Offer offer = offer(rule(DEFAULT, PayoutType.CPC, "0.25", null, true));

        assertThat(compute(offer, member(null, null), OfferTerms.NONE, "80.00", UNASKED).amount())
                .isEqualTo(usd("0.00"));
    }

    @Test
    void theMembersOverrideWinsOverTheirTierWhichWinsOverTheDefault() {
        Offer offer = offer(rule(DEFAULT, PayoutType.CPS, null, "10", true),
                rule(VIP, PayoutType.CPA_CPS, "1.00", "20", false));

        assertThat(compute(offer, member(null, null), OfferTerms.NONE, "50.00", UNASKED).amount())
                .isEqualTo(usd("5.00"));
        assertThat(compute(offer, member(VIP, null), OfferTerms.NONE, "50.00", UNASKED).amount())
                .isEqualTo(usd("11.00"));
        Commission overridden = compute(offer, member(VIP, new CommissionOverride(PayoutType.CPA, usd("3.00"), null)),
                OfferTerms.NONE, "50.00", UNASKED);
        assertThat(overridden.amount()).isEqualTo(usd("3.00"));
        assertThat(overridden.type()).isEqualTo(PayoutType.CPA);
    }

    @Test
    void aTierThatNoLongerExistsFallsBackToTheDefault() {
        Offer offer = offer(rule(DEFAULT, PayoutType.CPS, null, "10", true));

        assertThat(compute(offer, member(UUID.randomUUID(), null), OfferTerms.NONE, "50.00", UNASKED).amount())
                .isEqualTo(usd("5.00"));
    }

    @Test
    void monthlyVolumeTiersSplitASaleAcrossTheBoundary() {
        Offer offer = offer(rule(DEFAULT, PayoutType.CPS, null, "10", true));
        OfferTerms terms = tiers("0", "10", "1000.00", "15");
        Assignment assignment = member(null, null);

        assertThat(compute(offer, assignment, terms, "900.00", () -> usd("0.00")).amount()).isEqualTo(usd("90.00"));
        // 100.00 below the boundary at 10 %, 200.00 above it at 15 %.
        assertThat(compute(offer, assignment, terms, "300.00", () -> usd("900.00")).amount()).isEqualTo(usd("40.00"));
        assertThat(compute(offer, assignment, terms, "100.00", () -> usd("1200.00")).amount()).isEqualTo(usd("15.00"));
    }

    @Test
    void volumeTiersAddToTheFlatPartOfCpaCps() {
        Offer offer = offer(rule(DEFAULT, PayoutType.CPA_CPS, "2.00", "5", true));

        assertThat(compute(offer, member(null, null), tiers("0", "10", "100.00", "20"), "50.00", () -> usd("80.00"))
                .amount()).isEqualTo(usd("10.00")); // 2.00 + 20.00 at 10 % + 30.00 at 20 %
    }

    @Test
    void anOverrideIsNotTieredAndDoesNotAskForTheMonth() {
        Offer offer = offer(rule(DEFAULT, PayoutType.CPS, null, "10", true));
        Assignment overridden = member(null, new CommissionOverride(PayoutType.CPS, null, new BigDecimal("12")));
        OfferTerms terms = tiers("0", "10", "1000.00", "15");

        assertThat(engine.usesMonthSales(offer, overridden, terms)).isFalse();
        assertThat(compute(offer, overridden, terms, "100.00", UNASKED).amount()).isEqualTo(usd("12.00"));
        assertThat(engine.usesMonthSales(offer, member(null, null), terms)).isTrue();
        assertThat(engine.usesMonthSales(offer, member(null, null), OfferTerms.NONE)).isFalse();
    }

    @Test
    void aRefundUnwindsTheTiersFromTheTopOfTheMonth() {
        List<VolumeTier> tiers = tiers("0", "10", "1000.00", "15").volumeTiers();

        // 1,200.00 sold this month; taking 300.00 back removes 200.00 at 15 % and 100.00 at 10 %.
        assertThat(CommissionEngine.tiered(tiers, usd("1200.00"), usd("-300.00"))).isEqualTo(usd("-40.00"));
    }

    @Test
    void eachTierPartIsRoundedHalfEvenOnItsOwn() {
        List<VolumeTier> tiers = tiers("0", "10", "1.00", "15").volumeTiers();

        // 0.95 at 10 % = 0.095 -> 0.10; 0.05 at 15 % = 0.0075 -> 0.01.
        assertThat(CommissionEngine.tiered(tiers, usd("0.05"), usd("1.00"))).isEqualTo(usd("0.11"));
    }
}
