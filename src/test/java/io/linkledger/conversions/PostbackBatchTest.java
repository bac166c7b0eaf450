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

import io.linkledger.conversions.Decision.Recorded;
import io.linkledger.conversions.Decision.Refused;
import io.linkledger.conversions.InboundRequest.Outcome;
import io.linkledger.conversions.PostbackBatch.Received;
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
        InboundRequest request = InboundRequest.received(UUID.randomUUID(), integration, Instant.now(), inbound);
        try {
            return new Received(integration, request, parser.parse(integration, inbound, request.receivedAt()), null);
        } catch (ProblemException e) {
            return new Received(integration, request, null, e);
        }
    }

    private List<Decision> handle(List<Received> items) {
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

        List<Decision> handled = handle(List.of(first, unknownClick, repeat, second, badAmount, sameOrder));

        Recorded accepted = (Recorded) handled.get(0);
        assertThat(accepted.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(((Refused) handled.get(1)).problem().status().value()).isEqualTo(422);
        Recorded duplicate = (Recorded) handled.get(2);
        assertThat(duplicate.outcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(duplicate.conversion().id()).isEqualTo(accepted.conversion().id());
        assertThat(((Recorded) handled.get(3)).outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(((Refused) handled.get(4)).problem().status().value()).isEqualTo(400);
        // The conversion made just before in the batch credits SO-3: one order pays once.
        Recorded creditedElsewhere = (Recorded) handled.get(5);
        assertThat(creditedElsewhere.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(creditedElsewhere.conversion().state().status()).isEqualTo(ConversionStatus.REVERSED);
        assertThat(creditedElsewhere.conversion().state().reason())
                .contains(((Recorded) handled.get(3)).conversion().id().toString());

        assertThat(row(first)).containsEntry("outcome", "ACCEPTED").containsEntry("status_code", 200);
        assertThat(row(first).get("conversion_id").toString()).isEqualTo(accepted.conversion().id().toString());
        assertThat(row(unknownClick)).containsEntry("outcome", "REJECTED").containsEntry("status_code", 422);
        assertThat(row(unknownClick).get("reason").toString()).contains("no-such-click");
        assertThat(row(repeat)).containsEntry("outcome", "DUPLICATE");
        assertThat(row(badAmount)).containsEntry("outcome", "REJECTED").containsEntry("status_code", 400);
        assertThat(row(badAmount).get("reason").toString()).contains("amountOfSale");
        assertThat(row(sameOrder)).containsEntry("outcome", "ACCEPTED");

        assertThat(conversionCount()).isEqualTo(3);
        UUID acceptedId = accepted.conversion().id();
        assertThat(conversion(acceptedId.toString()).get("commission").asString()).isEqualTo("10.00");
        assertThat(moneyEvents.of(acceptedId)).hasSize(1);
        assertThat(count("select count(*) from conversion_changes where conversion_id = ?", acceptedId)).isEqualTo(1);
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

        handle(items).forEach(h -> assertThat(((Recorded) h).conversion().state().status())
                .isEqualTo(ConversionStatus.APPROVED));

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
        // A claim the database refuses: its order id does not fit the column. The parser refuses such a
        // postback up front, so the claim is made here, as a stand-in for any failure of the database.
        Received parsed = received(key, good);
        Received failing = new Received(parsed.integration(), InboundRequest.received(UUID.randomUUID(),
                parsed.integration(), Instant.now(), parsed.request().inbound()), new Claim("t:11",
                Conversion.Kind.SALE, parsed.claim().transactionId(), null, null, List.of(), "O".repeat(300),
                parsed.claim().amount(), null, null, null, parsed.claim().convertedAt(), false, null), null);

        // The whole batch rolls back, the good postback too.
        assertThatThrownBy(() -> handle(List.of(parsed, failing))).isInstanceOf(RuntimeException.class);
        assertThat(conversionCount()).isZero();
        assertThat(count("select count(*) from inbound_requests where brand_id = ?", brand.id())).isZero();
        // The batcher answers such a batch's postbacks "on your own" ...
        assertThat(batcher.submit(failing)).isEmpty();
        assertThat(count("select count(*) from inbound_requests where brand_id = ?", brand.id())).isZero();

        // ... and over HTTP an order id that can never be stored is refused before the database: a 400
        // stored with its reason (never a "409 retry it" or a failure), and the other one accepted.
        assertThat(getPostback(key, tooLong).status()).isEqualTo(400);
        assertThat(getPostback(key, good).status()).isEqualTo(200);
        assertThat(count("select count(*) from inbound_requests where brand_id = ? and outcome = 'REJECTED'"
                + " and status_code = 400 and reason like 'orderNumber:%'", brand.id())).isEqualTo(1);
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

    /**
     * Decides a month of postbacks for a fresh offer (volume tiers at 1,000.00, member-id postbacks
     * allowed): as one batch, or one transaction each. Answers what each became and where every
     * conversion ended, with conversion ids replaced by the number of the postback that made them.
     */
    private List<String> decideAMonth(boolean oneBatch) {
        Setup s = linkOfferWithMember("CPS", null, "10");
        put("/api/v1/offers/" + s.offerId() + "/terms", Map.of("volumeTiers", List.of(
                Map.of("fromSales", "0", "percent", "10"), Map.of("fromSales", "1000.00", "percent", "15"))));
        String key = integration(Map.of("type", "POSTBACK", "name", "Network", "offerId", s.offerId()))
                .get("key").asString();
        String tid = click(s, Instant.parse("2026-11-01T08:00:00Z"));
        List<Received> items = List.of(
                received(key, params("external_id", "1", "transaction_id", tid, "order_id", "v-1",
                        "amount", "900.00", "date", "2026-11-02T10:00:00Z")),
                // Across the tier boundary, counting the one before it in the batch.
                received(key, params("external_id", "2", "transaction_id", tid, "order_id", "v-2", "amount", "300.00",
                        "date", "2026-11-03T10:00:00Z")),
                // By member id, then the same order by link: the link keeps the credit, the first is reversed.
                received(key, params("external_id", "3", "member_id", s.memberId(), "order_id", "v-3", "amount", "100.00",
                        "date", "2026-11-04T10:00:00Z")),
                received(key, params("external_id", "4", "transaction_id", tid, "order_id", "v-3", "amount", "100.00",
                        "date", "2026-11-04T11:00:00Z")),
                // A repeat, and an order the link credits already.
                received(key, params("external_id", "1", "transaction_id", tid, "order_id", "v-1",
                        "amount", "900.00", "date", "2026-11-02T10:00:00Z")),
                received(key, params("external_id", "6", "member_id", s.memberId(), "order_id", "V-1", "amount", "900.00",
                        "date", "2026-11-05T10:00:00Z")),
                // Dated before all the others: first in the month's tiers.
                received(key, params("external_id", "7", "transaction_id", tid, "order_id", "v-5", "amount", "50.00",
                        "date", "2026-11-01T09:00:00Z")));
        List<Decision> decided = new ArrayList<>();
        if (oneBatch) {
            decided.addAll(handle(items));
        } else {
            items.forEach(item -> decided.addAll(handle(List.of(item))));
        }
        Map<String, String> numbers = new LinkedHashMap<>();
        for (int i = 0; i < decided.size(); i++) {
            numbers.putIfAbsent(((Recorded) decided.get(i)).conversion().id().toString(), "#" + i);
        }
        List<String> outcome = new ArrayList<>();
        for (Decision d : decided) {
            Recorded r = (Recorded) d;
            outcome.add(r.outcome() + " " + numbers.get(r.conversion().id().toString()) + " "
                    + r.conversion().state().status() + " " + r.conversion().amounts().commission().toDecimalString());
        }
        numbers.forEach((id, number) -> {
            JsonNode c = conversion(id);
            String history = c.get("history").valueStream().map(h -> h.get("action").asString()).toList().toString();
            String reason = c.get("statusReason").isNull() ? "" : c.get("statusReason").asString();
            for (Map.Entry<String, String> other : numbers.entrySet()) {
                reason = reason.replace(other.getKey(), other.getValue());
            }
            outcome.add(number + " " + c.get("status").asString() + " " + c.get("commission").asString() + " "
                    + history + " " + reason);
        });
        return outcome;
    }

    @Test
    void aBatchDecidesExactlyAsTheSamePostbacksOneAfterTheOther() {
        List<String> batched = decideAMonth(true);
        useAnotherBrand();
        List<String> oneByOne = decideAMonth(false);

        assertThat(batched).isEqualTo(oneByOne);
        assertThat(batched).startsWith(
                "ACCEPTED #0 PENDING 90.00",
                "ACCEPTED #1 PENDING 40.00", // 100.00 at 10 % + 200.00 at 15 %
                "ACCEPTED #2 PENDING 15.00",
                "ACCEPTED #3 PENDING 15.00",
                "DUPLICATE #0 PENDING 90.00",
                "ACCEPTED #5 REVERSED 135.00",
                "ACCEPTED #6 PENDING 5.00");
        assertThat(batched).contains(
                "#2 REVERSED 15.00 [CREATED, CREDITED_ELSEWHERE] Order v-3 is credited to conversion #3 (by LINK)",
                "#5 REVERSED 135.00 [CREATED] Order V-1 is already credited to conversion #0 (by LINK)");
    }
}
