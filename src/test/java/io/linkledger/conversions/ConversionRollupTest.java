package io.linkledger.conversions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import io.linkledger.shared.Money;
import io.linkledger.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * The conversion rollups (V41, V65) always equal the same figures summed from the conversions
 * themselves: day rows, running totals, each link's totals, the offer's days, and any period.
 */
class ConversionRollupTest extends ConversionApiTest {

    private static final String SECRET = "shpss_rollup0123456789abcdef0123456789";

    @Autowired
    ConversionStats stats;

    @Autowired
    ClickAccrual clickAccrual;

    @Autowired
    Conversions conversions;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ConversionRollupApplier applier;

    /** Rollup rows of this test's brand, one string per link, day and currency, with what is queued applied. */
    private List<String> rollupRows() {
        applier.applyPending();
        return jdbc.sql("""
                select assignment_id, conversion_day, currency, offer_id, member_id, live, conversions, sales_minor,
                    commission_minor
                from conversion_daily where brand_id = ? and live <> 0
                order by assignment_id, conversion_day, currency""")
                .param(brand.id())
                .query((rs, row) -> row(rs))
                .list();
    }

    /** The same figures aggregated from the raw conversions, as the reports used to. */
    private List<String> rawRows() {
        return jdbc.sql("""
                select assignment_id, cast(converted_at at time zone 'UTC' as date) as conversion_day, currency,
                    offer_id, member_id, count(*) as live,
                    sum(case when kind <> 'CPC' then 1 else 0 end) as conversions, sum(sale_minor) as sales_minor,
                    sum(commission_minor) as commission_minor
                from conversions where brand_id = ? and status <> 'REVERSED' and is_test = false
                group by assignment_id, cast(converted_at at time zone 'UTC' as date), currency, offer_id, member_id
                order by assignment_id, conversion_day, currency""")
                .param(brand.id())
                .query((rs, row) -> row(rs))
                .list();
    }

    private static String row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return String.join(" ", rs.getString("assignment_id"), rs.getObject("conversion_day", LocalDate.class).toString(),
                rs.getString("currency").trim(), rs.getString("offer_id"), rs.getString("member_id"),
                String.valueOf(rs.getLong("live")), String.valueOf(rs.getLong("conversions")),
                String.valueOf(rs.getLong("sales_minor")), String.valueOf(rs.getLong("commission_minor")));
    }

    private String shareAsale(String key, Setup s, String transId, String amount, String date) {
        Api.Response response = getPostback(key, params("afftrack", click(s, Instant.parse("2026-11-01T00:00:00Z")),
                "transID", transId, "orderNumber", "ORD-" + transId, "amountOfSale", amount, "commission", "1.00",
                "transDate", date, "transtype", "sale", "merchantID", "5678"));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("conversionId").asString();
    }

    private Api.Response shopify(String key, String topic, String body) throws Exception {
        var request = api.withKey(null).request("/webhooks/shopify/" + key)
                .header("Content-Type", "application/json")
                .header("X-Shopify-Topic", topic)
                .header("X-Shopify-Hmac-Sha256", ShopifyWebhookTest.hmac(SECRET, body.getBytes(StandardCharsets.UTF_8)))
                .header("X-Shopify-Webhook-Id", UUID.randomUUID().toString())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
        Api.Response response = api.withKey(null).send(request);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    private Setup secondMember(Setup s) {
        String memberId = createMember("Bo " + UUID.randomUUID(), UUID.randomUUID() + "@example.test").get("id")
                .asString();
        JsonNode assignment = assign(s.offerId(), memberId).get(0);
        UUID assignmentId = jdbc.sql("select id from offer_members where offer_id = ? and member_id = ?")
                .params(UUID.fromString(s.offerId()), UUID.fromString(memberId)).query(UUID.class).single();
        return new Setup(s.offerId(), memberId, assignmentId, assignment.get("promoCode").asString());
    }

    private void importReport(String integrationId, String csv) throws InterruptedException {
        Api.Response started = api.postText("/api/v1/integrations/" + integrationId + "/reports", "text/csv", csv);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String jobId = started.json().get("jobId").asString();
        for (int i = 0; i < 200; i++) {
            String status = api.get("/api/v1/jobs/" + jobId).json().get("status").asString();
            if (status.equals("SUCCEEDED")) {
                return;
            }
            assertThat(status).isIn("QUEUED", "RUNNING");
            Thread.sleep(50);
        }
        throw new AssertionError("report import " + jobId + " did not finish");
    }

    @Test
    void rollupEqualsRawAggregateAfterAMixOfLifecycleChanges() throws Exception {
        Setup ada = linkOfferWithMember("CPS", null, "10");
        Setup bo = secondMember(ada);
        UUID offerId = UUID.fromString(ada.offerId());
        JsonNode network = integration(Map.of("type", "SHAREASALE", "name", "ShareASale"));
        String key = network.get("key").asString();
        String approved = shareAsale(key, ada, "2001", "100.00", "2026-11-20 12:00:00");
        String reversed = shareAsale(key, ada, "2002", "40.00", "2026-11-20 23:59:59");
        String voidedByReport = shareAsale(key, bo, "2003", "80.00", "2026-11-21 00:00:00");
        String editedByReport = shareAsale(key, bo, "2004", "100.00", "2026-11-21 08:00:00");
        String paid = shareAsale(key, bo, "2005", "30.00", "2026-11-19 10:00:00");
        shareAsale(key, ada, "2006", "55.55", "2026-11-22 10:00:00");
        // A repeated postback changes nothing.
        shareAsale(key, ada, "2006", "55.55", "2026-11-22 10:00:00");
        // A test purchase is never in the figures.
        Api.Response test = api.post("/api/v1/integrations/" + network.get("id").asString() + "/test-purchase",
                Map.of("offerId", ada.offerId(), "memberId", ada.memberId(), "amount", "42.00"));
        assertThat(test.status()).as(test.toString()).isEqualTo(200);

        api.post("/api/v1/conversions/approve", Map.of("ids", List.of(approved, paid)));
        api.post("/api/v1/conversions/" + reversed + "/reverse", Map.of("reason", "fraud"));
        transactions.executeWithoutResult(tx -> conversions.markPaid(brand.id(),
                UUID.fromString(bo.memberId()), UUID.randomUUID(), Money.ofMinor(300, "USD")));
        importReport(network.get("id").asString(), """
                Trans ID,User ID,Merchant ID,Trans Date,Trans Amount,Commission,Comment,Voided,Locked,Order Number
                2003,3353969,5678,2026-11-21 00:00:00,80.00,1.00,,1,,ORD-2003
                2004,3353969,5678,2026-11-21 08:00:00,64.00,1.60,edited,,,ORD-2004
                """);

        // Shop orders by promo code, a partial refund and a full refund.
        String shop = integration(Map.of("type", "SHOPIFY", "name", "Shop", "secret", SECRET)).get("key").asString();
        String refunded = shopify(shop, "orders/create", ShopifyWebhookTest.order(71L, "#71", ada.promoCode(), "100.00",
                "0.00")).json().get("conversionId").asString();
        shopify(shop, "orders/create", ShopifyWebhookTest.order(72L, "#72", bo.promoCode(), "100.00", "0.00"));
        shopify(shop, "refunds/create", """
                {"id":9101,"order_id":71,"refund_line_items":[{"id":1,"quantity":1,"line_item_id":7,"subtotal":"30.00"}],
                 "transactions":[]}""");
        shopify(shop, "refunds/create", """
                {"id":9102,"order_id":72,"refund_line_items":[{"id":2,"quantity":1,"line_item_id":8,"subtotal":"90.00"}],
                 "transactions":[]}""");

        // Pay per click on a second offer: accrued commission, not a conversion.
        Setup clicker = linkOfferWithMember("CPC", "0.25", null);
        click(clicker, Instant.parse("2026-11-18T09:00:00Z"));
        click(clicker, Instant.parse("2026-11-18T10:00:00Z"));
        clickAccrual.accrue(LocalDate.of(2026, 11, 18));

        assertThat(conversion(editedByReport).get("amount").asString()).isEqualTo("64.00");
        assertThat(conversion(voidedByReport).get("status").asString()).isEqualTo("REVERSED");
        assertThat(conversion(paid).get("status").asString()).isEqualTo("PAID");
        assertThat(conversion(refunded).get("amount").asString()).isEqualTo("70.00");
        assertThat(rollupRows()).isEqualTo(rawRows()).isNotEmpty();

        Instant from = Instant.parse("2026-11-01T00:00:00Z");
        Instant to = Instant.parse("2026-12-01T00:00:00Z");
        // Live sales in November: 100 + 64 + 30 + 55.55 (network), 70 + 10 (shop), test and reversed left out.
        var offer = stats.forOffer(brand.id(), offerId, from, to);
        assertThat(offer.conversions()).isEqualTo(6);
        assertThat(offer.sales()).isEqualTo(Money.ofMinor(32955, "USD"));
        assertThat(offer).isEqualTo(rawOffer(offerId, from, to));
        assertThat(stats.forOffer(brand.id(), offerId, null, null)).isEqualTo(rawOffer(offerId, from, to));
        assertThat(stats.offerDays(brand.id(), offerId, from, to)).isEqualTo(rawDays(offerId, from, to));
        assertThat(stats.offerMembers(brand.id(), offerId, from, to))
                .containsExactlyInAnyOrderElementsOf(rawMembers(offerId, from, to));
        // A period of one day reads just that day.
        Instant day = Instant.parse("2026-11-21T00:00:00Z");
        assertThat(stats.forOffer(brand.id(), offerId, day, day.plusSeconds(86_400)))
                .isEqualTo(rawOffer(offerId, day, day.plusSeconds(86_400)));

        assertThat(runningTotals()).isEqualTo(rawRunningTotals()).isNotEmpty();
        assertThat(totalRows()).isEqualTo(rawTotalRows()).isNotEmpty();
        assertThat(offerRows()).isEqualTo(rawOfferRows()).isNotEmpty();
        // Every period from one day to a week, across each link's first and last day and the gaps.
        LocalDate first = LocalDate.of(2026, 11, 16);
        LocalDate last = LocalDate.of(2026, 11, 24);
        for (LocalDate a = first; !a.isAfter(last); a = a.plusDays(1)) {
            for (LocalDate b = a; !b.isAfter(last); b = b.plusDays(1)) {
                Instant start = a.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
                Instant end = b.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
                assertThat(stats.offerMembers(brand.id(), offerId, start, end)).as(a + " to " + b)
                        .containsExactlyInAnyOrderElementsOf(rawMembers(offerId, start, end));
                assertThat(stats.forOffer(brand.id(), offerId, start, end)).as(a + " to " + b)
                        .isEqualTo(rawOffer(offerId, start, end));
                assertThat(stats.assignmentDays(ada.assignmentId(), a, b, java.util.Currency.getInstance("USD")))
                        .as(a + " to " + b).isEqualTo(rawLinkDays(ada.assignmentId(), start, end));
            }
        }

        UUID cpcOffer = UUID.fromString(clicker.offerId());
        var perClick = stats.forOffer(brand.id(), cpcOffer, from, to);
        assertThat(perClick.conversions()).isZero();
        assertThat(perClick.commission()).isEqualTo(Money.ofMinor(50, "USD"));

        var earnings = stats.commissionByStatus(bo.assignmentId(), java.util.Currency.getInstance("USD"));
        assertThat(earnings.get(ConversionStatus.PAID)).isEqualTo(Money.ofMinor(300, "USD"));
        assertThat(earnings.get(ConversionStatus.PENDING)).isEqualTo(Money.ofMinor(640 + 100, "USD"));
        assertThat(earnings.get(ConversionStatus.REVERSED)).isEqualTo(Money.zero(java.util.Currency.getInstance("USD")));
    }

    @Test
    void memberFiguresOfAnyPeriodEqualTheConversionsInItWhenDaysArriveOutOfOrder() {
        Setup ada = linkOfferWithMember("CPS", null, "10");
        Setup bo = secondMember(ada);
        UUID offerId = UUID.fromString(ada.offerId());
        String key = integration(Map.of("type", "SHAREASALE", "name", "ShareASale")).get("key").asString();
        shareAsale(key, ada, "4001", "10.00", "2026-11-10 10:00:00");
        String returned = shareAsale(key, ada, "4002", "20.00", "2026-11-12 10:00:00");
        shareAsale(key, ada, "4003", "30.00", "2026-11-14 10:00:00");
        shareAsale(key, bo, "4004", "40.00", "2026-11-15 10:00:00");
        // Late: before, between and after the days that already have rows.
        shareAsale(key, ada, "4005", "50.00", "2026-11-08 10:00:00");
        shareAsale(key, ada, "4006", "60.00", "2026-11-13 23:59:59");
        shareAsale(key, bo, "4007", "70.00", "2026-11-11 00:00:00");
        shareAsale(key, ada, "4008", "80.00", "2026-11-17 10:00:00");
        api.post("/api/v1/conversions/" + returned + "/reverse", Map.of("reason", "returned"));

        assertThat(runningTotals()).isEqualTo(rawRunningTotals()).hasSize(7);
        assertThat(totalRows()).isEqualTo(rawTotalRows()).hasSize(2);
        LocalDate first = LocalDate.of(2026, 11, 6);
        LocalDate last = LocalDate.of(2026, 11, 19);
        for (LocalDate a = first; !a.isAfter(last); a = a.plusDays(1)) {
            for (LocalDate b = a; !b.isAfter(last); b = b.plusDays(1)) {
                Instant start = a.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
                Instant end = b.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
                assertThat(stats.offerMembers(brand.id(), offerId, start, end)).as(a + " to " + b)
                        .containsExactlyInAnyOrderElementsOf(rawMembers(offerId, start, end));
            }
        }
    }

    private long queued() {
        return jdbc.sql("select count(*) from conversion_rollup_queue where brand_id = ?").param(brand.id())
                .query(Long.class).single();
    }

    @Test
    void aReportReadRightAfterAPostbackCountsIt() {
        Setup s = linkOfferWithMember("CPS", null, "10");
        String key = integration(Map.of("type", "SHAREASALE", "name", "ShareASale")).get("key").asString();
        shareAsale(key, s, "5001", "80.00", "2026-11-20 12:00:00");

        JsonNode report = api.get("/api/v1/reports/offers/" + s.offerId() + "?from=2026-11-01&to=2026-11-30").json();

        assertThat(report.get("conversions").asLong()).isEqualTo(1);
        assertThat(report.get("sales").asString()).isEqualTo("80.00");
        assertThat(report.get("members").get(0).get("commission").asString()).isEqualTo("8.00");
        assertThat(queued()).isZero();
    }

    /** What a postback batch leaves behind when the node dies before the applier ran. */
    private void queue(Setup s, LocalDate day, long live, long sales, long commission) {
        jdbc.sql("""
                insert into conversion_rollup_queue (assignment_id, conversion_day, currency, brand_id, offer_id,
                    member_id, live, conversions, sales_minor, commission_minor, pending_commission_minor,
                    approved_commission_minor, paid_commission_minor)
                values (?, ?, 'USD', ?, ?, ?, ?, ?, ?, ?, ?, 0, 0)""")
                .params(s.assignmentId(), day, brand.id(), UUID.fromString(s.offerId()), UUID.fromString(s.memberId()),
                        live, live, sales, commission, commission)
                .update();
    }

    @Test
    void queuedDeltasReachTheRollupsOnceWhoeverAppliesThem() throws Exception {
        Setup s = linkOfferWithMember("CPS", null, "10");
        LocalDate day = LocalDate.of(2026, 3, 10);
        queue(s, day, 1, 10_000, 1_000);
        queue(s, day, 2, 3_000, 300);
        queue(s, day.plusDays(1), 1, 500, 50);

        List<java.util.concurrent.Callable<Void>> appliers = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            appliers.add(() -> {
                applier.applyPending();
                return null;
            });
        }
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            for (var f : pool.invokeAll(appliers)) {
                f.get();
            }
        }

        assertThat(queued()).isZero();
        var usd = java.util.Currency.getInstance("USD");
        assertThat(stats.assignmentDays(s.assignmentId(), day, day.plusDays(1), usd)).containsExactly(
                new ConversionStats.DayStats(day, 3, Money.ofMinor(13_000, "USD"), Money.ofMinor(1_300, "USD")),
                new ConversionStats.DayStats(day.plusDays(1), 1, Money.ofMinor(500, "USD"), Money.ofMinor(50, "USD")));
        assertThat(stats.commissionByStatus(s.assignmentId(), usd).get(ConversionStatus.PENDING))
                .isEqualTo(Money.ofMinor(1_350, "USD"));
        assertThat(runningTotals()).isEqualTo(List.of(s.assignmentId() + " " + day + " 3 3 13000 1300",
                s.assignmentId() + " " + day.plusDays(1) + " 4 4 13500 1350"));
    }

    @Test
    void periodsNotOnDayBoundariesAreCountedFromTheConversions() {
        Setup s = linkOfferWithMember("CPA", "2.00", null);
        String key = integration(Map.of("type", "SHAREASALE", "name", "ShareASale")).get("key").asString();
        shareAsale(key, s, "3001", "10.00", "2026-11-20 06:00:00");
        shareAsale(key, s, "3002", "10.00", "2026-11-20 18:00:00");

        var morning = stats.forOffer(brand.id(), UUID.fromString(s.offerId()), Instant.parse("2026-11-20T00:00:00Z"),
                Instant.parse("2026-11-20T12:00:00Z"));

        assertThat(morning.conversions()).isEqualTo(1);
        assertThat(morning.commission()).isEqualTo(Money.ofMinor(200, "USD"));
    }

    private static String longs(java.sql.ResultSet rs, int from, int to) throws java.sql.SQLException {
        StringBuilder out = new StringBuilder();
        for (int i = from; i <= to; i++) {
            out.append(' ').append(rs.getObject(i) instanceof LocalDate d ? d.toString() : String.valueOf(rs.getLong(i)));
        }
        return out.toString();
    }

    /** Each link's running totals on each of its days, as stored. */
    private List<String> runningTotals() {
        applier.applyPending();
        return jdbc.sql("""
                select assignment_id, conversion_day, run_live, run_conversions, run_sales_minor, run_commission_minor
                from conversion_daily where brand_id = ? and live <> 0
                order by assignment_id, conversion_day""")
                .param(brand.id())
                .query((rs, row) -> rs.getString(1) + " " + rs.getObject(2, LocalDate.class) + longs(rs, 3, 6))
                .list();
    }

    /** The same from the raw conversions: everything live up to and including the day. */
    private List<String> rawRunningTotals() {
        return jdbc.sql("""
                select d.assignment_id, d.conversion_day,
                    (select count(*) from conversions c where c.assignment_id = d.assignment_id and c.status <> 'REVERSED'
                        and not c.is_test and cast(c.converted_at at time zone 'UTC' as date) <= d.conversion_day),
                    (select coalesce(sum(case when kind <> 'CPC' then 1 else 0 end), 0) from conversions c
                        where c.assignment_id = d.assignment_id and c.status <> 'REVERSED' and not c.is_test
                        and cast(c.converted_at at time zone 'UTC' as date) <= d.conversion_day),
                    (select coalesce(sum(sale_minor), 0) from conversions c where c.assignment_id = d.assignment_id
                        and c.status <> 'REVERSED' and not c.is_test
                        and cast(c.converted_at at time zone 'UTC' as date) <= d.conversion_day),
                    (select coalesce(sum(commission_minor), 0) from conversions c where c.assignment_id = d.assignment_id
                        and c.status <> 'REVERSED' and not c.is_test
                        and cast(c.converted_at at time zone 'UTC' as date) <= d.conversion_day)
                from (select distinct assignment_id, cast(converted_at at time zone 'UTC' as date) as conversion_day
                      from conversions where brand_id = ? and status <> 'REVERSED' and not is_test) d
                order by d.assignment_id, d.conversion_day""")
                .param(brand.id())
                .query((rs, row) -> rs.getString(1) + " " + rs.getObject(2, LocalDate.class) + longs(rs, 3, 6))
                .list();
    }

    /** Each link's totals: all-time figures, commission per status, and the first and last day it has rows for. */
    private List<String> totalRows() {
        applier.applyPending();
        return jdbc.sql("""
                select t.assignment_id, t.live, t.conversions, t.sales_minor, t.commission_minor,
                    t.pending_commission_minor, t.approved_commission_minor, t.paid_commission_minor,
                    case when t.first_day = (select min(conversion_day) from conversion_daily d
                        where d.assignment_id = t.assignment_id) then 0 else 1 end as first_day_wrong,
                    case when t.last_day = (select max(conversion_day) from conversion_daily d
                        where d.assignment_id = t.assignment_id) then 0 else 1 end as last_day_wrong
                from conversion_link_totals t where t.brand_id = ?
                order by t.assignment_id""")
                .param(brand.id())
                .query((rs, row) -> rs.getString(1) + longs(rs, 2, 10))
                .list();
    }

    private List<String> rawTotalRows() {
        return jdbc.sql("""
                select assignment_id, sum(case when status <> 'REVERSED' and not is_test then 1 else 0 end),
                    sum(case when status <> 'REVERSED' and not is_test and kind <> 'CPC' then 1 else 0 end),
                    sum(case when status <> 'REVERSED' and not is_test then sale_minor else 0 end),
                    sum(case when status <> 'REVERSED' and not is_test then commission_minor else 0 end),
                    sum(case when status = 'PENDING' and not is_test then commission_minor else 0 end),
                    sum(case when status = 'APPROVED' and not is_test then commission_minor else 0 end),
                    sum(case when status = 'PAID' and not is_test then commission_minor else 0 end), 0, 0
                from conversions where brand_id = ?
                group by assignment_id order by assignment_id""")
                .param(brand.id())
                .query((rs, row) -> rs.getString(1) + longs(rs, 2, 10))
                .list();
    }

    /** The offers' days with live conversions. */
    private List<String> offerRows() {
        applier.applyPending();
        return jdbc.sql("""
                select offer_id, conversion_day, live, conversions, sales_minor, commission_minor
                from conversion_offer_daily where brand_id = ? and live <> 0
                order by offer_id, conversion_day""")
                .param(brand.id())
                .query((rs, row) -> rs.getString(1) + " " + rs.getObject(2, LocalDate.class) + longs(rs, 3, 6))
                .list();
    }

    private List<String> rawOfferRows() {
        return jdbc.sql("""
                select offer_id, cast(converted_at at time zone 'UTC' as date) as d, count(*),
                    sum(case when kind <> 'CPC' then 1 else 0 end), sum(sale_minor), sum(commission_minor)
                from conversions where brand_id = ? and status <> 'REVERSED' and is_test = false
                group by offer_id, cast(converted_at at time zone 'UTC' as date)
                order by offer_id, d""")
                .param(brand.id())
                .query((rs, row) -> rs.getString(1) + " " + rs.getObject(2, LocalDate.class) + longs(rs, 3, 6))
                .list();
    }

    private List<ConversionStats.DayStats> rawLinkDays(UUID assignmentId, Instant from, Instant to) {
        return jdbc.sql("""
                select cast(converted_at at time zone 'UTC' as date) as d,
                    sum(case when kind <> 'CPC' then 1 else 0 end) as n, sum(sale_minor) as s, sum(commission_minor) as c
                from conversions where assignment_id = ? and status <> 'REVERSED' and is_test = false
                  and converted_at >= ? and converted_at < ?
                group by cast(converted_at at time zone 'UTC' as date) order by d""")
                .params(assignmentId, from.atOffset(java.time.ZoneOffset.UTC), to.atOffset(java.time.ZoneOffset.UTC))
                .query((rs, row) -> new ConversionStats.DayStats(rs.getObject("d", LocalDate.class), rs.getLong("n"),
                        Money.ofMinor(rs.getLong("s"), "USD"), Money.ofMinor(rs.getLong("c"), "USD")))
                .list();
    }

    private ConversionStats.OfferConversionStats rawOffer(UUID offerId, Instant from, Instant to) {
        return jdbc.sql("""
                select sum(case when kind <> 'CPC' then 1 else 0 end) as n, sum(sale_minor) as s,
                    sum(commission_minor) as c
                from conversions where offer_id = ? and status <> 'REVERSED' and is_test = false
                  and converted_at >= ? and converted_at < ?""")
                .params(offerId, from.atOffset(java.time.ZoneOffset.UTC), to.atOffset(java.time.ZoneOffset.UTC))
                .query((rs, row) -> new ConversionStats.OfferConversionStats(rs.getLong("n"),
                        Money.ofMinor(rs.getLong("s"), "USD"), Money.ofMinor(rs.getLong("c"), "USD")))
                .single();
    }

    private List<ConversionStats.DayStats> rawDays(UUID offerId, Instant from, Instant to) {
        return jdbc.sql("""
                select cast(converted_at at time zone 'UTC' as date) as d,
                    sum(case when kind <> 'CPC' then 1 else 0 end) as n, sum(sale_minor) as s, sum(commission_minor) as c
                from conversions where offer_id = ? and status <> 'REVERSED' and is_test = false
                  and converted_at >= ? and converted_at < ?
                group by cast(converted_at at time zone 'UTC' as date) order by d""")
                .params(offerId, from.atOffset(java.time.ZoneOffset.UTC), to.atOffset(java.time.ZoneOffset.UTC))
                .query((rs, row) -> new ConversionStats.DayStats(rs.getObject("d", LocalDate.class), rs.getLong("n"),
                        Money.ofMinor(rs.getLong("s"), "USD"), Money.ofMinor(rs.getLong("c"), "USD")))
                .list();
    }

    private List<ConversionStats.MemberStats> rawMembers(UUID offerId, Instant from, Instant to) {
        return jdbc.sql("""
                select member_id, sum(case when kind <> 'CPC' then 1 else 0 end) as n, sum(sale_minor) as s,
                    sum(commission_minor) as c
                from conversions where offer_id = ? and status <> 'REVERSED' and is_test = false
                  and converted_at >= ? and converted_at < ?
                group by member_id""")
                .params(offerId, from.atOffset(java.time.ZoneOffset.UTC), to.atOffset(java.time.ZoneOffset.UTC))
                .query((rs, row) -> new ConversionStats.MemberStats(rs.getObject("member_id", UUID.class),
                        rs.getLong("n"), Money.ofMinor(rs.getLong("s"), "USD"), Money.ofMinor(rs.getLong("c"), "USD")))
                .list();
    }
}
