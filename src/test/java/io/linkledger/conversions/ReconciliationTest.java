package io.linkledger.conversions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.linkledger.support.Api;
import tools.jackson.databind.JsonNode;

class ReconciliationTest extends ConversionApiTest {

    private String shareAsalePostback(String key, Setup s, String transId, String amount) {
        Api.Response response = getPostback(key, params("afftrack", click(s, hoursAgo(5)), "transID", transId,
                "orderNumber", "ORD-" + transId, "amountOfSale", amount, "commission", "1.00",
                "transDate", "2026-11-20 12:00:00", "transtype", "sale", "merchantID", "5678"));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("conversionId").asString();
    }

    private JsonNode importReport(String integrationId, String csv) throws InterruptedException {
        Api.Response started = api.postText("/api/v1/integrations/" + integrationId + "/reports", "text/csv", csv);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        return finished(started.json().get("jobId").asString());
    }

    private JsonNode finished(String jobId) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            JsonNode job = api.get("/api/v1/jobs/" + jobId).json();
            if (!job.get("status").asString().equals("RUNNING") && !job.get("status").asString().equals("QUEUED")) {
                assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
                return job;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job " + jobId + " did not finish");
    }

    @Test
    void shareAsaleReportReversesVoidedAdjustsEditedAndNeverAppliesTwice() throws Exception {
        Setup s = linkOfferWithMember("CPS", null, "10");
        JsonNode integration = integration(Map.of("type", "SHAREASALE", "name", "ShareASale"));
        String key = integration.get("key").asString();
        String voided = shareAsalePostback(key, s, "1001", "100.00");
        String edited = shareAsalePostback(key, s, "1002", "100.00");
        String locked = shareAsalePostback(key, s, "1003", "50.00");
        String missingFromReport = shareAsalePostback(key, s, "1004", "20.00");
        String csv = """
                Trans ID,User ID,Merchant ID,Trans Date,Trans Amount,Commission,Comment,Voided,Locked,Order Number
                1001,3353969,5678,2026-11-20 12:00:00,100.00,1.00,,1,,ORD-1001
                1002,3353969,5678,2026-11-20 12:00:00,60.00,1.60,edited,,,ORD-1002
                1003,3353969,5678,2026-11-20 12:00:00,50.00,1.00,,,2026-11-21,ORD-1003
                9999,3353969,5678,2026-11-20 12:00:00,10.00,0.10,,,,ORD-9999
                """;

        JsonNode job = importReport(integration.get("id").asString(), csv);

        JsonNode result = job.get("result");
        assertThat(job.get("done").asInt()).isEqualTo(4);
        assertThat(result.get("matched").asInt()).isEqualTo(3);
        assertThat(result.get("reversed").asInt()).isEqualTo(1);
        assertThat(result.get("adjusted").asInt()).isEqualTo(1);
        assertThat(result.get("approved").asInt()).isEqualTo(1);
        assertThat(result.get("onlyInReport")).extracting(JsonNode::asString).containsExactly("9999");
        assertThat(result.get("onlyInLinkledger")).extracting(JsonNode::asString).containsExactly(missingFromReport);
        assertThat(conversion(voided).get("status").asString()).isEqualTo("REVERSED");
        JsonNode adjusted = conversion(edited);
        assertThat(adjusted.get("amount").asString()).isEqualTo("60.00");
        assertThat(adjusted.get("commission").asString()).isEqualTo("6.00");
        assertThat(adjusted.get("networkCommission").asString()).isEqualTo("1.60");
        assertThat(conversion(locked).get("status").asString()).isEqualTo("APPROVED");

        JsonNode again = importReport(integration.get("id").asString(), csv).get("result");

        assertThat(again.get("matched").asInt()).isEqualTo(3);
        assertThat(again.get("reversed").asInt()).isZero();
        assertThat(again.get("adjusted").asInt()).isZero();
        assertThat(again.get("approved").asInt()).isZero();
        assertThat(conversion(edited).get("history")).hasSize(2);
        assertThat(conversion(voided).get("history")).hasSize(2);
    }

    /** The year the report's CONSTRUCTED rows are moved to: last year, so their dates are always recent. */
    private static final String YEAR = String.valueOf(java.time.Year.now(java.time.ZoneOffset.UTC).getValue() - 1);

    private static String shareAsaleActivityReport() throws java.io.IOException {
        try (var in = ReconciliationTest.class.getResourceAsStream("/counterparties/shareasale/activity-report.txt")) {
            // Only the rows' dates mention 2026; the header is ShareASale's own.
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).replace("2026", YEAR);
        }
    }

    /** A ShareASale postback for one of the report's transactions, at its Trans Date (read as UTC). */
    private String postbackFor(String key, Setup s, String transId, String amount, String commission, String day) {
        String date = YEAR + "-" + day;
        Instant at = Instant.parse(date.replace(' ', 'T') + "Z");
        Api.Response response = getPostback(key, params("afftrack", click(s, at.minusSeconds(180)), "transID", transId,
                "amountOfSale", amount, "commission", commission, "transDate", date, "transtype", "sale",
                "merchantID", "84199"));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("conversionId").asString();
    }

    @Test
    void shareAsalesPipeDelimitedActivityReportLocksVoidsAndAppliesItsAdjustmentsOnce() throws Exception {
        Setup s = linkOfferWithMember("CPS", null, "10");
        JsonNode integration = integration(Map.of("type", "SHAREASALE", "name", "ShareASale"));
        String key = integration.get("key").asString();
        String locked = postbackFor(key, s, "154945655", "138.00", "13.80", "01-03 12:41:28");
        String adjusted = postbackFor(key, s, "154945801", "120.00", "12.00", "03-02 09:15:07");
        String voided = postbackFor(key, s, "154945802", "64.50", "6.45", "03-02 11:48:30");

        // The report as ShareASale's API returns it: its real 26-column pipe-separated header; the rows
        // are CONSTRUCTED (SOURCES.md): a locked sale, an open one, a voided one and an adjustment row
        // (Reference Trans 154945801, -40.00 sale, -4.00 commission) for a partial return of the open one;
        // their dates are moved to last year.
        JsonNode job = importReport(integration.get("id").asString(), shareAsaleActivityReport());

        JsonNode result = job.get("result");
        assertThat(result.get("rows").asInt()).isEqualTo(4);
        assertThat(result.get("matched").asInt()).isEqualTo(4);
        assertThat(result.get("approved").asInt()).isEqualTo(1);
        assertThat(result.get("reversed").asInt()).isEqualTo(1);
        assertThat(result.get("adjusted").asInt()).isEqualTo(1);
        assertThat(result.get("onlyInReport")).isEmpty();
        assertThat(result.get("onlyInLinkledger")).isEmpty();
        assertThat(result.get("problems")).isEmpty();
        assertThat(conversion(locked).get("status").asString()).isEqualTo("APPROVED");
        assertThat(conversion(voided).get("status").asString()).isEqualTo("REVERSED");
        JsonNode returned = conversion(adjusted);
        assertThat(returned.get("status").asString()).isEqualTo("PENDING");
        assertThat(returned.get("amount").asString()).isEqualTo("80.00");
        assertThat(returned.get("commission").asString()).isEqualTo("8.00");
        assertThat(returned.get("networkCommission").asString()).isEqualTo("8.00");
        assertThat(returned.get("history")).extracting(h -> h.get("action").asString())
                .containsExactly("CREATED", "NETWORK_ADJUSTED");

        // The same report again: the adjustment was applied, and the original row (still 120.00 in
        // ShareASale's report) is compared net of it, so nothing changes.
        JsonNode again = importReport(integration.get("id").asString(), shareAsaleActivityReport()).get("result");

        assertThat(again.get("reversed").asInt()).isZero();
        assertThat(again.get("adjusted").asInt()).isZero();
        assertThat(again.get("approved").asInt()).isZero();
        assertThat(conversion(adjusted).get("amount").asString()).isEqualTo("80.00");
        assertThat(conversion(adjusted).get("history")).hasSize(2);
    }

    @Test
    void aReportThatIsNotValidCsvIsRefusedSmallAndAtOnce() {
        JsonNode integration = integration(Map.of("type", "SHAREASALE", "name", "ShareASale"));
        String path = "/api/v1/integrations/" + integration.get("id").asString() + "/reports";

        JsonNode unclosed = problem(api.postText(path, "text/csv", "Trans ID|Voided\n\"1|1\n2|" + "x".repeat(100_000)),
                400);
        assertThat(unclosed.toString()).hasSizeLessThan(2048);
        assertThat(unclosed.get("errors").get(0).get("message").asString()).contains("pipe-separated");
        problem(api.postText(path, "text/csv", "Trans ID|Voided\n"), 400);
        problem(api.postText(path, "text/csv", ""), 400);
        assertThat(count("select count(*) from jobs where brand_id = ?", brand.id())).isZero();
    }

    @Test
    void aCellNoConversionCanHoldIsListedAndNeverLookedUp() throws Exception {
        JsonNode integration = integration(Map.of("type", "SHAREASALE", "name", "ShareASale"));

        // PostgreSQL refuses a NUL even as a query parameter: such an id is matched against nothing.
        JsonNode result = importReport(integration.get("id").asString(), "Trans ID|Voided\n12\u00003|1\n" + "9".repeat(300)
                + "|1\n").get("result");

        assertThat(result.get("onlyInReport")).extracting(JsonNode::asString).containsExactly("12?3",
                "9".repeat(32) + "…");
        assertThat(result.get("onlyInReportCount").asInt()).isEqualTo(2);
    }

    @Test
    void otherNetworksReportsUseAColumnMapping() throws Exception {
        Setup s = linkOfferWithMember("CPA", "3.00", null);
        JsonNode integration = integration(Map.of("type", "POSTBACK", "name", "Impact",
                "parameterMap", Map.of("transaction_id", "SubId1", "order_id", "OID", "amount", "Amount")));
        Api.Response response = getPostback(integration.get("key").asString(),
                params("SubId1", click(s, hoursAgo(2)), "OID", "IM-77", "Amount", "30.00"));
        String id = response.json().get("conversionId").asString();
        String csv = "Action Id,Order,Sale,State\nA-1,IM-77,30.00,REVERSED\n";

        Api.Response started = api.post("/api/v1/integrations/" + integration.get("id").asString() + "/reports",
                Map.of("csv", csv, "columns", Map.of("orderId", "Order", "amount", "Sale", "voided", "State")));

        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        finished(started.json().get("jobId").asString());
        assertThat(conversion(id).get("status").asString()).isEqualTo("REVERSED");
    }

    @Test
    void reportWithoutIdColumnIsRejectedBeforeAnyWork() {
        JsonNode integration = integration(Map.of("type", "SHAREASALE", "name", "ShareASale"));
        JsonNode body = problem(api.postText("/api/v1/integrations/" + integration.get("id").asString() + "/reports",
                "text/csv", "Foo,Bar\n1,2\n"), 400);
        assertThat(body.get("detail").asString()).contains("transaction id");
        assertThat(count("select count(*) from jobs where brand_id = ?", brand.id())).isZero();
        problem(api.post("/api/v1/integrations/" + integration.get("id").asString() + "/reports",
                Map.of("csv", "a\n1\n", "columns", Map.of("nonsense", "a"))), 400);
    }
}
