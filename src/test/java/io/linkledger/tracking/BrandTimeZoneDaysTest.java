package io.linkledger.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import io.linkledger.conversions.ConversionStats;
import io.linkledger.support.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * A brand in Europe/Paris counts its days there: a click at 23:30 UTC is already the next day in
 * Paris, in the daily report and in the member's dashboard chart, and both say which zone.
 */
class BrandTimeZoneDaysTest extends ApiTest {

    @Autowired
    ClickStore store;

    @Autowired
    ClickRollupWriter writer;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ConversionStats conversionStats;

    @Test
    void aClickAt2330UtcCountsOnTheNextDayForABrandInParis() {
        api.patch("/api/v1/brand", Map.of("timeZone", "Europe/Paris"));
        UUID offer = UUID.fromString(createLinkOffer("Night owls").get("id").asString());
        UUID member = UUID.fromString(createMember("Léa Martin", UUID.randomUUID() + "@example.test").get("id")
                .asString());
        JsonNode assignment = assign(offer.toString(), member.toString()).get(0);
        UUID assignmentId = jdbc.sql("select id from offer_members where offer_id = ? and member_id = ?")
                .params(offer, member).query(UUID.class).single();
        LocalDate utcDay = LocalDate.now(ZoneOffset.UTC).minusDays(3);
        LocalDate parisDay = utcDay.plusDays(1);
        // 23:30 UTC is 00:30 (winter) or 01:30 (summer) the next day in Paris.
        store(new Click("tz" + UUID.randomUUID().toString().replace("-", "").substring(0, 20),
                utcDay.atTime(LocalTime.of(23, 30)).toInstant(ZoneOffset.UTC), brand.id(), offer, member, null,
                assignmentId, "v", "test", null, false, true));

        JsonNode report = api.get("/api/v1/reports/offers/" + offer + "?from=" + utcDay + "&to=" + parisDay).json();
        assertThat(report.get("timeZone").asString()).isEqualTo("Europe/Paris");
        assertThat(report.get("clicks").asLong()).isEqualTo(1);
        assertThat(days(report.get("days"), "date")).containsExactly(parisDay + "=1");
        JsonNode onlyUtcDay = api.get("/api/v1/reports/offers/" + offer + "?from=" + utcDay + "&to=" + utcDay).json();
        assertThat(onlyUtcDay.get("clicks").asLong()).as("nothing on the UTC day in Paris").isZero();

        String dashboard = assignment.get("dashboardLink").asString();
        String path = dashboard.substring(dashboard.indexOf("/d/"));
        JsonNode chart = api.withKey(null).get(path + ".json?range=30").json();
        assertThat(chart.get("range").get("timeZone").asString()).isEqualTo("Europe/Paris");
        assertThat(days(chart.get("daily"), "date")).contains(parisDay + "=1").doesNotContain(utcDay + "=1");
        assertThat(api.withKey(null).get(path).body()).contains("Days in Europe/Paris.");
    }

    @Test
    void aPeriodOfPartDaysGroupsConversionsByTheBrandsDay() {
        api.patch("/api/v1/brand", Map.of("timeZone", "Europe/Paris"));
        UUID offer = UUID.fromString(createLinkOffer("Part days").get("id").asString());
        UUID member = UUID.fromString(createMember("Zoé Petit", UUID.randomUUID() + "@example.test").get("id")
                .asString());
        assign(offer.toString(), member.toString());
        UUID assignmentId = jdbc.sql("select id from offer_members where offer_id = ? and member_id = ?")
                .params(offer, member).query(UUID.class).single();
        String tid = "tz" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        store(new Click(tid, Instant.now(), brand.id(), offer, member, null, assignmentId, "v", "test", null, false,
                true));
        String key = created(api.post("/api/v1/integrations", Map.of("type", "POSTBACK", "name", "Server")))
                .get("key").asString();
        assertThat(api.withKey(null).get("/postback/" + key + "?transaction_id=" + tid + "&order_id=P-1&amount=40.00")
                .status()).isEqualTo(200);

        Instant now = Instant.now();
        List<ConversionStats.DayStats> days = conversionStats.offerDays(brand.id(), offer, now.minusSeconds(3600),
                now.plusSeconds(3600));
        assertThat(days).hasSize(1);
        assertThat(days.getFirst().day()).isIn(LocalDate.ofInstant(now.minusSeconds(3600), ZoneId.of("Europe/Paris")),
                LocalDate.ofInstant(now, ZoneId.of("Europe/Paris")));
        assertThat(days.getFirst().conversions()).isEqualTo(1);
    }

    @Test
    void aBrandThatChoseNoZoneCountsInUtc() {
        UUID offer = UUID.fromString(createLinkOffer("Day trippers").get("id").asString());
        UUID member = UUID.fromString(createMember("Ana Lima", UUID.randomUUID() + "@example.test").get("id")
                .asString());
        assign(offer.toString(), member.toString());
        UUID assignmentId = jdbc.sql("select id from offer_members where offer_id = ? and member_id = ?")
                .params(offer, member).query(UUID.class).single();
        LocalDate utcDay = LocalDate.now(ZoneOffset.UTC).minusDays(3);
        store(new Click("tz" + UUID.randomUUID().toString().replace("-", "").substring(0, 20),
                utcDay.atTime(LocalTime.of(23, 30)).toInstant(ZoneOffset.UTC), brand.id(), offer, member, null,
                assignmentId, "v", "test", null, false, true));

        JsonNode report = api.get("/api/v1/reports/offers/" + offer + "?from=" + utcDay + "&to=" + utcDay).json();
        assertThat(report.get("timeZone").asString()).isEqualTo("UTC");
        assertThat(days(report.get("days"), "date")).containsExactly(utcDay + "=1");
    }

    /** The way the batcher stores a batch: the clicks and their queued rollup counts in one transaction. */
    private void store(Click click) {
        transactions.executeWithoutResult(tx -> {
            store.insert(List.of(click));
            writer.applyAll(List.of(click));
        });
    }

    /** "date=clicks" of each day with clicks. */
    private static List<String> days(JsonNode days, String dateField) {
        List<String> found = new ArrayList<>();
        days.forEach(day -> {
            if (day.get("clicks").asLong() > 0) {
                found.add(day.get(dateField).asString() + "=" + day.get("clicks").asLong());
            }
        });
        return found;
    }
}
