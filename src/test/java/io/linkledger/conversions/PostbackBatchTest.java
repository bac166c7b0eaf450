package io.linkledger.conversions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import io.linkledger.conversions.InboundRequest.Outcome;
import io.linkledger.conversions.PostbackBatch.Alone;
import io.linkledger.conversions.PostbackBatch.Answered;
import io.linkledger.conversions.PostbackBatch.Handled;
import io.linkledger.conversions.PostbackBatch.Received;
import io.linkledger.conversions.PostbackBatch.Refused;
import io.linkledger.shared.ProblemException;
import io.linkledger.support.Api;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/** Postbacks handled in batches: each decided on its own, stored with its outcome, and committed together. */
class PostbackBatchTest extends ConversionApiTest {

    @Autowired
    PostbackBatch batch;

    @Autowired
    PostbackBatcher batcher;

    @Autowired
    Integrations integrations;

    @Autowired
    PostbackParser parser;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ConversionRollupApplier rollups;

    private String shareAsaleKey() {
        return integration(Map.of("type", "SHAREASALE", "name", "ShareASale")).get("key").asString();
    }

    private static Map<String, String> sale(String tid, String transId, String order, String amount) {
        return params("afftrack", tid, "transID", transId, "orderNumber", order, "amountOfSale", amount,
                "commission", "1.00", "transDate", "2026-11-20 13:05:00");
    }

    /** A postback as the request thread hands it to a batch: parsed, or refused with why. */
    private Received received(String key, Map<String, String> params) {
        Integration integration = integrations.byKey(key).orElseThrow();
        Inbound inbound = new Inbound("GET", form(params), Map.of(), null, "127.0.0.1");
        InboundRequest request = new InboundRequest(UUID.randomUUID(), integration.id(), integration.brandId(),
                Instant.now(), inbound, null, Outcome.RECEIVED, null, null, null, 0, null);
        try {
            return new Received(integration, request, parser.parse(integration, inbound, false), null);
        } catch (ProblemException e) {
            return new Received(integration, request, null, e);
        }
    }

    private List<Handled> handle(List<Received> items) {
        return transactions.execute(tx -> batch.handle(items));
    }

    private Map<String, Object> row(Received r) {
        return jdbc.sql("select outcome, status_code, reason, conversion_id from inbound_requests where id = ?")
                .param(r.request().id()).query().singleRow();
    }

    @Test
    void eachPostbackOfABatchIsDecidedOnItsOwnAndStoredWithItsOutcome() {
        Setup s = linkOfferWithMember("CPS", null, "10");
        String key = shareAsaleKey();
        Received first = received(key, sale(click(s, hoursAgo(2)), "1", "SO-1", "100.00"));
        Received unknownClick = received(key, sale("no-such-click", "2", "SO-2", "10.00"));
        Received repeat = received(key, sale(click(s, hoursAgo(2)), "1", "SO-1", "100.00"));
        Received second = received(key, sale(click(s, hoursAgo(1)), "3", "SO-3", "50.00"));
        Received badAmount = received(key, sale(click(s, hoursAgo(1)), "4", "SO-4", "12,50"));
        Received sameOrder = received(key, sale(click(s, hoursAgo(1)), "5", "SO-3", "50.00"));

        List<Handled> handled = handle(List.of(first, unknownClick, repeat, second, badAmount, sameOrder));

        Intake.Result accepted = ((Answered) handled.get(0)).result();
        assertThat(accepted.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(((Refused) handled.get(1)).problem().status().value()).isEqualTo(422);
        Intake.Result duplicate = ((Answered) handled.get(2)).result();
        assertThat(duplicate.outcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(duplicate.conversionId()).isEqualTo(accepted.conversionId());
        assertThat(((Answered) handled.get(3)).result().outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(((Refused) handled.get(4)).problem().status().value()).isEqualTo(400);
        // Another conversion credits SO-3 already: one order pays once, decided on its own afterwards.
        assertThat(handled.get(5)).isInstanceOf(Alone.class);

        assertThat(row(first)).containsEntry("outcome", "ACCEPTED").containsEntry("status_code", 200);
        assertThat(row(first).get("conversion_id").toString()).isEqualTo(accepted.conversionId().toString());
        assertThat(row(unknownClick)).containsEntry("outcome", "REJECTED").containsEntry("status_code", 422);
        assertThat(row(unknownClick).get("reason").toString()).contains("no-such-click");
        assertThat(row(repeat)).containsEntry("outcome", "DUPLICATE");
        assertThat(row(badAmount)).containsEntry("outcome", "REJECTED").containsEntry("status_code", 400);
        assertThat(row(badAmount).get("reason").toString()).contains("amountOfSale");
        assertThat(count("select count(*) from inbound_requests where id = ?", sameOrder.request().id())).isZero();

        assertThat(conversionCount()).isEqualTo(2);
        assertThat(conversion(accepted.conversionId().toString()).get("commission").asString()).isEqualTo("10.00");
        assertThat(moneyEvents.of(accepted.conversionId())).hasSize(1);
        assertThat(count("select count(*) from conversion_changes where conversion_id = ?", accepted.conversionId()))
                .isEqualTo(1);
        rollups.applyPending(); // the rollups are added to after the commit
        assertThat(count("select coalesce(sum(live), 0) from conversion_daily where assignment_id = ?",
                s.assignmentId())).isEqualTo(2);
        assertThat(count("select coalesce(sum(commission_minor), 0) from conversion_daily where assignment_id = ?",
                s.assignmentId())).isEqualTo(1500);
        assertThat(count("select coalesce(sum(pending_member_minor), 0) from ledger_conversions where brand_id = ?",
                brand.id())).isEqualTo(1500);
    }

    @Test
    void approvedPostbacksOfABatchAccrueBalancedEntries() {
        Setup s = linkOfferWithMember("CPA", "4.00", null);
        String key = integration(Map.of("type", "POSTBACK", "name", "Network")).get("key").asString();
        List<Received> items = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            items.add(received(key, params("transaction_id", click(s, hoursAgo(1)), "order_id", "A-" + i,
                    "amount", "20.00", "commission", "5.00", "status", "approved")));
        }

        handle(items).forEach(h -> assertThat(((Answered) h).result().status()).isEqualTo(ConversionStatus.APPROVED));

        assertThat(count("select count(*) from ledger_entries where brand_id = ? and type = 'ACCRUAL'", brand.id()))
                .isEqualTo(3);
        assertThat(count("""
                select coalesce(sum(l.amount_minor), 0) from ledger_lines l join ledger_entries e on e.id = l.entry_id
                where e.brand_id = ?""", brand.id())).isZero();
        assertThat(count("""
                select -coalesce(sum(l.amount_minor), 0) from ledger_lines l join ledger_accounts a on a.id = l.account_id
                where a.brand_id = ? and a.kind = 'MEMBER_PAYABLE'""", brand.id())).isEqualTo(1200);
    }

    @Test
    void aBatchThatFailsWritesNothingAndItsPostbacksAreProcessedAlone() {
        Setup s = linkOfferWithMember("CPS", null, "10");
        String key = shareAsaleKey();
        Map<String, String> good = sale(click(s, hoursAgo(1)), "10", "SO-10", "30.00");
        Map<String, String> tooLong = sale(click(s, hoursAgo(1)), "11", "O".repeat(300), "30.00");

        // The order id does not fit its column: the whole batch rolls back, the good postback too.
        assertThatThrownBy(() -> handle(List.of(received(key, good), received(key, tooLong))))
                .isInstanceOf(RuntimeException.class);
        assertThat(conversionCount()).isZero();
        assertThat(count("select count(*) from inbound_requests where brand_id = ?", brand.id())).isZero();
        // The batcher answers such a batch's postbacks "on your own" ...
        assertThat(batcher.submit(received(key, tooLong))).isInstanceOf(Alone.class);
        assertThat(count("select count(*) from inbound_requests where brand_id = ?", brand.id())).isZero();

        // ... so over HTTP the failing one is stored, failed with its reason and replayable, the other accepted.
        assertThat(getPostback(key, tooLong).status()).isNotEqualTo(200);
        assertThat(getPostback(key, good).status()).isEqualTo(200);
        assertThat(count("select count(*) from inbound_requests where brand_id = ? and outcome = 'FAILED'"
                + " and status_code = 500 and reason like 'Failed: %'", brand.id())).isEqualTo(1);
        assertThat(conversionCount()).isEqualTo(1);
    }

    @Test
    void concurrentPostbacksAreAllStoredAndAnsweredAfterTheirBatchCommitted() throws Exception {
        Setup s = linkOfferWithMember("CPS", null, "10");
        String key = shareAsaleKey();
        List<Map<String, String>> sales = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            sales.add(sale(click(s, hoursAgo(1)), "T" + i, "SO-T" + i, "10.00"));
        }
        List<Map<String, String>> sent = new ArrayList<>(sales);
        sent.addAll(sales.subList(0, 10)); // repeats, possibly in the same batch as the first time
        double batchedBefore = meters.get("linkledger.postbacks.batch.size").summary().totalAmount();

        Map<String, Set<String>> idsByTransaction = new LinkedHashMap<>();
        try (var pool = Executors.newFixedThreadPool(20)) {
            List<Callable<Api.Response>> calls = sent.stream()
                    .<Callable<Api.Response>>map(p -> () -> getPostback(key, p)).toList();
            List<Future<Api.Response>> answers = pool.invokeAll(calls);
            for (int i = 0; i < sent.size(); i++) {
                Api.Response answer = answers.get(i).get();
                assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
                String id = answer.json().get("conversionId").asString();
                // Answered only after the commit: the conversion is there when the answer is.
                assertThat(count("select count(*) from conversions where id = ?", UUID.fromString(id))).isEqualTo(1);
                idsByTransaction.computeIfAbsent(sent.get(i).get("transID"), t -> new HashSet<>()).add(id);
            }
        }

        assertThat(idsByTransaction).hasSize(30).allSatisfy((transaction, ids) -> assertThat(ids).hasSize(1));
        assertThat(conversionCount()).isEqualTo(30);
        assertThat(count("select count(*) from inbound_requests where brand_id = ? and outcome = 'ACCEPTED'",
                brand.id())).isEqualTo(30);
        assertThat(count("select count(*) from inbound_requests where brand_id = ? and outcome = 'DUPLICATE'",
                brand.id())).isEqualTo(10);
        assertThat(meters.get("linkledger.postbacks.batch.size").summary().totalAmount() - batchedBefore)
                .isEqualTo(40);
        JsonNode daily = api.get("/api/v1/conversions?limit=1").json();
        assertThat(daily.get("total").asLong()).isEqualTo(30);
    }
}
