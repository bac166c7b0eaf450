package io.linkledger.dashboard;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import io.linkledger.conversions.ConversionStatus;
import io.linkledger.shared.Money;
import io.linkledger.support.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * A member in a link-and-code offer with 60 days of history: clicks, five conversions in every
 * state, one payment. The figures the tests expect are worked out next to the data.
 */
@Import(RecordedPerformance.Config.class)
abstract class DashboardScenario extends ApiTest {

    @Autowired
    protected RecordedPerformance performance;

    protected record Seeded(String offerId, String memberId, UUID assignmentId, String token, String promoCode,
            String trackingLink, String memberEmail) {
    }

    protected static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /**
     * Last 30 days: 25 clicks (20 unique; a bot click not counted), 3 conversions, $400.00 of
     * sales, $40.00 commission. Last 7 days: 2 conversions, $20.00. All time: 4 conversions.
     * Earnings: pending $8.00, approved $12.00, paid $30.00. One payment of $30.00.
     */
    protected Seeded seedDashboard(String memberName) {
        JsonNode offer = createOffer(Map.of("name", "Summer collection", "description", "Linen shirts and dresses",
                "type", "LINK_AND_CODE", "conversionType", "SALE", "currency", "USD",
                "destinationUrl", SHAREASALE_URL,
                "payouts", List.of(Map.of("name", "Default", "type", "CPS", "percent", "10"))));
        String email = "creator-" + UUID.randomUUID() + "@example.com";
        JsonNode member = createMember(memberName, email);
        JsonNode assignment = assign(offer.get("id").asString(), member.get("id").asString()).get(0);
        String link = assignment.get("dashboardLink").asString();
        String token = link.substring(link.lastIndexOf('/') + 1);
        UUID assignmentId = jdbc.sql("select id from offer_members where dashboard_token = ?").param(token)
                .query(UUID.class).single();
        // The member joined 60 days ago, so "all" starts there and the day-40 sale is inside it.
        jdbc.sql("update offer_members set created_at = ? where id = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusDays(60), assignmentId).update();

        LocalDate today = today();
        for (int i = 0; i < 20; i++) {
            performance.click(assignmentId, today.minusDays(i), true, false);
            if (i % 4 == 0) {
                performance.click(assignmentId, today.minusDays(i), false, false);
            }
        }
        performance.click(assignmentId, today.minusDays(1), false, true);
        performance.conversion(assignmentId, today.minusDays(2), usd(12000), usd(1200), ConversionStatus.APPROVED);
        performance.conversion(assignmentId, today.minusDays(5), usd(8000), usd(800), ConversionStatus.PENDING);
        performance.conversion(assignmentId, today.minusDays(12), usd(20000), usd(2000), ConversionStatus.PAID);
        performance.conversion(assignmentId, today.minusDays(15), usd(5000), usd(500), ConversionStatus.REVERSED);
        performance.conversion(assignmentId, today.minusDays(40), usd(10000), usd(1000), ConversionStatus.PAID);
        performance.payment(brand.id(), UUID.fromString(member.get("id").asString()), today.minusDays(10), usd(3000),
                "completed");
        return new Seeded(offer.get("id").asString(), member.get("id").asString(), assignmentId, token,
                assignment.get("promoCode").asString(), assignment.get("trackingLink").asString(), email);
    }

    protected static Money usd(long cents) {
        return Money.ofMinor(cents, "USD");
    }
}
