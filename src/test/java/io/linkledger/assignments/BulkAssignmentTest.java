package io.linkledger.assignments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.linkledger.support.Api;
import io.linkledger.support.ApiTest;
import tools.jackson.databind.JsonNode;

/** 10,000 members through the real flow: CSV import job, project, assignment job. */
class BulkAssignmentTest extends ApiTest {

    private static final int MEMBERS = 10_000;

    @Test
    void tenThousandAssignmentsHaveUniqueCodesAndTokens() throws InterruptedException {
        StringBuilder csv = new StringBuilder("name,email\n");
        for (int i = 0; i < MEMBERS; i++) {
            // The same first name for everyone: promo code generation must still find free codes.
            csv.append("Alex Member").append(i).append(",alex").append(i).append("@example.com\n");
        }
        Api.Response imported = api.postText("/api/v1/members/import", "text/csv", csv.toString());
        assertThat(imported.status()).as(imported.toString()).isEqualTo(202);
        JsonNode importJob = awaitJob(imported.json().get("jobId").asString());
        assertThat(importJob.get("result").get("created").asInt()).isEqualTo(MEMBERS);

        String project = created(api.post("/api/v1/projects", Map.of("name", "Big launch"))).get("id").asString();
        List<UUID> ids = jdbc.sql("select id from members where brand_id = ?").param(brand.id())
                .query(UUID.class).list();
        assertThat(api.post("/api/v1/projects/" + project + "/members", Map.of("memberIds", ids)).json()
                .get("added").asInt()).isEqualTo(MEMBERS);
        String offer = createOffer(Map.of("name", "Both", "type", "LINK_AND_CODE", "conversionType", "SALE",
                "currency", "USD", "destinationUrl", SHAREASALE_URL,
                "payouts", List.of(Map.of("type", "CPS", "percent", "10")))).get("id").asString();

        Instant started = Instant.now();
        Api.Response accepted = api.post("/api/v1/offers/" + offer + "/members", Map.of("projectId", project));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        assertThat(accepted.json().get("total").asInt()).isEqualTo(MEMBERS);
        JsonNode job = awaitJob(accepted.json().get("jobId").asString());
        System.out.printf("Assigned %d members in %d ms%n", MEMBERS, Duration.between(started, Instant.now()).toMillis());

        assertThat(job.get("done").asInt()).isEqualTo(MEMBERS);
        assertThat(job.get("result").get("created").asInt()).isEqualTo(MEMBERS);
        UUID offerId = UUID.fromString(offer);
        assertThat(count("select count(*) from offer_members where offer_id = ?", offerId)).isEqualTo(MEMBERS);
        assertThat(count("select count(distinct link_code) from offer_members where offer_id = ?", offerId))
                .isEqualTo(MEMBERS);
        assertThat(count("select count(distinct dashboard_token_hash) from offer_members where offer_id = ?", offerId))
                .isEqualTo(MEMBERS);
        assertThat(count("select count(distinct promo_code_key) from offer_members where offer_id = ?", offerId))
                .isEqualTo(MEMBERS);
        List<String> codes = jdbc.sql("select promo_code from offer_members where offer_id = ?").param(offerId)
                .query(String.class).list();
        assertThat(codes).allMatch(code -> code.matches("ALEX10[A-HJKMNP-Z]{0,6}"), "the name and number, a suffix of unambiguous letters when taken");

        JsonNode again = awaitJob(api.post("/api/v1/offers/" + offer + "/members", Map.of("projectId", project))
                .json().get("jobId").asString());
        assertThat(again.get("result").get("created").asInt()).isZero();
        assertThat(count("select count(*) from offer_members where offer_id = ?", offerId)).isEqualTo(MEMBERS);
    }
}
