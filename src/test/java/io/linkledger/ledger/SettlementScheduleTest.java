package io.linkledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import io.linkledger.support.ApiTest;

/**
 * Settlement runs on its own schedule: a remittance past its available date becomes available
 * without anyone reading a balance (this test reads only the remittances table). Its context
 * (a fast schedule) is closed after the class, so its connections do not stay open.
 */
@TestPropertySource(properties = {"linkledger.money.settlement-interval=PT0.2S",
        "linkledger.money.settlement-initial-delay=PT0.2S", "spring.datasource.hikari.maximum-pool-size=4"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SettlementScheduleTest extends ApiTest {

    @Test
    void aDueRemittanceSettlesWithoutAnyRead() throws InterruptedException {
        LocalDate receivedOn = LocalDate.now(ZoneOffset.UTC).minusDays(10);
        String period = YearMonth.from(receivedOn).minusMonths(1).toString();
        UUID id = UUID.fromString(created(api.post("/api/v1/remittances", Map.of("period", period, "amount", "40.00",
                "receivedOn", receivedOn.toString()))).get("id").asString());

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String status = "PENDING";
        while (status.equals("PENDING") && System.nanoTime() < deadline) {
            Thread.sleep(100);
            status = jdbc.sql("select status from remittances where id = ?").param(id).query(String.class).single();
        }

        assertThat(status).isEqualTo("AVAILABLE");
        assertThat(count("select count(*) from ledger_entries where brand_id = ? and type = 'SETTLEMENT'", brand.id()))
                .isEqualTo(1);
    }
}
