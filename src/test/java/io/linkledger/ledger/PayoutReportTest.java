package io.linkledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class PayoutReportTest extends LedgerApiTest {

    @Test
    void yearlyReportFlagsMembersAtTheForm1099Threshold() {
        String big = newMember("Big Earner");
        String small = newMember("Small Earner");
        clock.set(Instant.parse("2026-03-10T10:00:00Z"));
        approved(big, "1500.00");
        approved(small, "1999.99");
        fund("5000.00");
        confirm(created(pay("march", Map.of("items", List.of(Map.of("memberId", big), Map.of("memberId", small))))));
        clock.set(Instant.parse("2026-09-10T10:00:00Z"));
        approved(big, "500.00");
        confirm(created(pay("september", Map.of("items", List.of(Map.of("memberId", big))))));
        clock.set(Instant.parse("2027-01-05T10:00:00Z"));
        approved(small, "100.00");
        confirm(created(pay("next-year", Map.of("items", List.of(Map.of("memberId", small))))));

        JsonNode report = api.get("/api/v1/payments/reports/yearly?year=2026").json();
        assertThat(report.get("form1099Threshold").asString()).isEqualTo("2000.00");
        JsonNode lines = report.get("members");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("memberId").asString()).isEqualTo(big);
        assertThat(lines.get(0).get("paid").asString()).isEqualTo("2000.00");
        assertThat(lines.get(0).get("form1099Required").asBoolean()).isTrue();
        assertThat(lines.get(0).get("name").asString()).isEqualTo("Big Earner");
        assertThat(lines.get(1).get("paid").asString()).isEqualTo("1999.99");
        assertThat(lines.get(1).get("form1099Required").asBoolean()).isFalse();

        assertThat(api.get("/api/v1/payments/reports/yearly?year=2027").json().get("members")).hasSize(1);
        assertThat(api.get("/api/v1/payments/reports/yearly?year=2025").json().get("form1099Threshold").asString())
                .isEqualTo("600.00");
    }

    /** The defect this guards against: year=999999999 overflowed a date and answered 500. */
    @Test
    void aYearOutsideTheCalendarIsABadRequest() {
        for (String year : List.of("999999999", "-5", "0", "10000")) {
            JsonNode problem = problem(api.get("/api/v1/payments/reports/yearly?year=" + year), 400);
            assertThat(problem.get("detail").asString()).contains("year");
        }
        problem(api.get("/api/v1/payments/reports/yearly?year=soon"), 400);
    }
}
