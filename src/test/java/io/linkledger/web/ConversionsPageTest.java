package io.linkledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.linkledger.brands.Role;

/** Conversions page: filter, bulk approve and reverse with per-item outcomes, network report import. */
class ConversionsPageTest extends PaymentsConsoleTest {

    private ConsoleUser console;

    @BeforeEach
    void signIn() throws Exception {
        console = signedIn(Role.ADMIN);
    }

    @Test
    void filterByMemberAndStatusThenApproveInBulkShowsEachOutcome() throws Exception {
        String[] ada = pendingConversion("Ada Lovelace", "100.00");
        String[] bob = pendingConversion("Bob Brown", "40.00");
        String[] adaApproved = pendingConversion("Ada Second", "70.00");
        approve(adaApproved[1]);

        String all = console.get("/conversions").body();
        assertThat(all).contains("3 conversions").contains(ada[1]).contains(bob[1]);

        String onlyBob = console.get("/conversions?member=" + bob[0]).body();
        assertThat(onlyBob).contains("1 conversion<").contains(bob[1]).doesNotContain(ada[1]);
        String pending = console.get("/conversions?status=PENDING").body();
        assertThat(pending).contains("2 conversions").doesNotContain(adaApproved[1]);

        HttpResponse<String> bulk = console.post("/conversions/bulk", List.of("status", "PENDING", "offer", "",
                "member", "", "id", ada[1], "id", adaApproved[1], "action", "approve"));
        assertThat(bulk.statusCode()).isEqualTo(200);
        assertThat(bulk.body()).contains("1 of 2 approved")
                .containsPattern("class=\"ok\" data-conversion=\"" + ada[1] + "\"><strong>Order O-[0-9a-f-]+</strong>: Approved")
                .containsPattern("class=\"refused\" data-conversion=\"" + adaApproved[1] + "\">.*only PENDING");
        assertThat(api.get("/api/v1/conversions/" + ada[1]).json().get("status").asString()).isEqualTo("APPROVED");
        assertThat(api.get("/api/v1/conversions/" + bob[1]).json().get("status").asString()).isEqualTo("PENDING");

        HttpResponse<String> reverse = console.post("/conversions/bulk", List.of("id", bob[1], "action", "reverse",
                "reason", "Order returned"));
        assertThat(reverse.body()).contains("1 of 1 reversed");
        assertThat(api.get("/api/v1/conversions/" + bob[1]).json().get("status").asString()).isEqualTo("REVERSED");

        HttpResponse<String> nothing = console.post("/conversions/bulk", List.of("action", "approve"));
        assertThat(nothing.statusCode()).isEqualTo(400);
        assertThat(nothing.body()).contains("Select at least one conversion");
    }

    @Test
    void heldConversionsAreFilteredShownWithTheirReasonsAndReleased() throws Exception {
        String offerId = createLinkOffer("Capped offer").get("id").asString();
        String memberId = createMember("Cap Member", "m-" + UUID.randomUUID() + "@example.com").get("id").asString();
        assign(offerId, memberId);
        assertThat(api.put("/api/v1/offers/" + offerId + "/caps", Map.of("maxSaleAmount", "50.00")).status())
                .isEqualTo(200);
        String key = created(api.post("/api/v1/integrations", Map.of("type", "POSTBACK", "name", "Capped shop",
                "offerId", offerId))).get("key").asString();
        String held = api.withKey(null).get("/postback/" + key + "?" + query(Map.of("member_id", memberId,
                "order_id", "CAP-1", "amount", "80.00"))).json().get("conversionId").asString();
        String[] pending = pendingConversion("Not Held", "10.00");

        String page = console.get("/conversions?status=HELD").body();
        assertThat(page).contains(">1 conversion</p>").contains(held).doesNotContain(pending[1])
                .contains("<option value=\"HELD\" selected>Held for review</option>")
                .contains(">Held for review</span>")
                .contains("The sale of $80.00 is above the offer's maximum sale amount of $50.00.");

        HttpResponse<String> release = console.post("/conversions/bulk", List.of("status", "HELD", "offer", "",
                "member", "", "id", held, "id", pending[1], "action", "release-approve"));
        assertThat(release.statusCode()).isEqualTo(200);
        assertThat(release.body()).contains("1 of 2 released and approved")
                .containsPattern("class=\"refused\" data-conversion=\"" + pending[1] + "\">.*only HELD");
        assertThat(api.get("/api/v1/conversions/" + held).json().get("status").asString()).isEqualTo("APPROVED");
        assertThat(console.get("/conversions?member=" + memberId).body()).contains("Why it was held")
                .contains("Released after review");
    }

    @Test
    void importedReportShowsProgressThenTheDifferences() throws Exception {
        String order = "ORD-" + UUID.randomUUID();
        String[] ada = pendingConversion("Ada Lovelace", "100.00", order);
        String csv = "Order Number,Trans Amount,Voided,Locked\n" + order + ",100.00,1,\nORD-NOT-OURS,10.00,,\n";

        HttpResponse<String> started = console.postMultipart("/conversions/imports",
                Map.of("integration", ada[3]), "report", "activity.csv", csv);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
        String page = started.headers().firstValue("Location").orElseThrow().replace(api.baseUrl(), "");
        assertThat(console.get(page).body()).contains("Report import").contains("id=\"import-progress\"");

        String fragment = console.get(page + "/progress").body();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (!fragment.contains("data-done=\"true\"") && Instant.now().isBefore(deadline)) {
            assertThat(fragment).contains("<progress");
            Thread.sleep(100);
            fragment = console.get(page + "/progress").body();
        }
        assertThat(fragment).contains("data-figure=\"reversed\">1<").contains("data-figure=\"matched\">1<")
                .contains("Only in the network's report (1)").contains("ORD-NOT-OURS");
        assertThat(api.get("/api/v1/conversions/" + ada[1]).json().get("status").asString()).isEqualTo("REVERSED");
    }

    @Test
    void aReportWithoutAnIdColumnIsRefusedOnThePage() throws Exception {
        String[] ada = pendingConversion("Ada Lovelace", "100.00");
        HttpResponse<String> refused = console.postMultipart("/conversions/imports",
                Map.of("integration", ada[3]), "report", "bad.csv", "Foo,Bar\n1,2\n");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"import-error\"").contains("transaction id or order number column");
    }
}
