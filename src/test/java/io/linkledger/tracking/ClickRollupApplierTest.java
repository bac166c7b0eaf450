package io.linkledger.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.linkledger.support.ApiTest;
import tools.jackson.databind.JsonNode;

class ClickRollupApplierTest extends ApiTest {

    @Autowired
    ClickRollupApplier applier;

    @Autowired
    ClickRollups rollups;

    private String offerId;
    private UUID memberId;
    private UUID assignmentId;
    private String code;

    private void link() {
        offerId = createLinkOffer("Queued").get("id").asString();
        memberId = UUID.fromString(createMember("Queue Tester", "queue-" + System.nanoTime() + "@example.com")
                .get("id").asString());
        String link = assign(offerId, memberId.toString()).get(0).get("trackingLink").asString();
        code = link.substring(link.lastIndexOf('/') + 1);
        assignmentId = jdbc.sql("select id from offer_members where link_code = ?").param(code).query(UUID.class)
                .single();
    }

    /** What a click batch leaves behind when the node dies before the applier ran. */
    private void queue(LocalDate day, long clicks, long unique, long bots) {
        jdbc.sql("""
                insert into click_rollup_queue (assignment_id, click_day, brand_id, offer_id, member_id, clicks,
                    unique_clicks, bot_clicks)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(assignmentId, day, brand.id(), UUID.fromString(offerId), memberId, clicks, unique, bots)
                .update();
    }

    private long queued() {
        return jdbc.sql("select count(*) from click_rollup_queue where assignment_id = ?").param(assignmentId)
                .query(Long.class).single();
    }

    @Test
    void queuedCountsReachTheReportOnceWhoeverAppliesThem() throws Exception {
        link();
        LocalDate day = LocalDate.of(2026, 3, 10);
        queue(day, 3, 2, 1);
        queue(day, 4, 1, 0);
        queue(day.plusDays(1), 5, 5, 2);

        List<Callable<Void>> appliers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            appliers.add(() -> {
                applier.applyPending();
                return null;
            });
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<Void> f : pool.invokeAll(appliers)) {
                f.get();
            }
        }

        assertThat(queued()).isZero();
        assertThat(rollups.linkDays(assignmentId, day, day.plusDays(1))).containsExactly(
                new ClickRollups.Day(day, 7, 3, 1), new ClickRollups.Day(day.plusDays(1), 5, 5, 2));
        applier.applyPending();
        assertThat(rollups.linkDays(assignmentId, day, day)).containsExactly(new ClickRollups.Day(day, 7, 3, 1));
    }

    @Test
    void aReportRightAfterTheRedirectsCountsEveryClick() {
        link();
        for (int i = 0; i < 5; i++) {
            var response = api.send(api.withKey(null).request("/r/" + code).GET()
                    .header("User-Agent", RedirectApiTest.BROWSER + " visitor/" + i));
            assertThat(response.status()).isEqualTo(302);
        }

        JsonNode report = api.get("/api/v1/reports/offers/" + offerId).json();

        assertThat(report.get("clicks").asLong()).isEqualTo(5);
        assertThat(report.get("uniqueClicks").asLong()).isEqualTo(5);
        assertThat(queued()).isZero();
    }
}
