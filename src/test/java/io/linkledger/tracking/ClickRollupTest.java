package io.linkledger.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import io.linkledger.support.ApiTest;

/**
 * The click rollups (V40, V65) always equal the same figures counted from the raw clicks: day rows,
 * running totals, each link's totals, the offer's days, and any period's member figures.
 */
class ClickRollupTest extends ApiTest {

    @Autowired
    ClickStore store;

    @Autowired
    ClickRollupWriter writer;

    @Autowired
    ClickRollupApplier applier;

    @Autowired
    ClickRollups rollups;

    @Autowired
    TransactionTemplate transactions;

    private record Link(UUID offerId, UUID memberId, UUID assignmentId) {
    }

    private int sequence;

    private List<Link> links(int members) {
        String offer = createLinkOffer("Clicks " + UUID.randomUUID()).get("id").asString();
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            String member = createMember("M" + i, UUID.randomUUID() + "@example.test").get("id").asString();
            assign(offer, member);
            UUID assignment = jdbc.sql("select id from offer_members where offer_id = ? and member_id = ?")
                    .params(UUID.fromString(offer), UUID.fromString(member)).query(UUID.class).single();
            links.add(new Link(UUID.fromString(offer), UUID.fromString(member), assignment));
        }
        return links;
    }

    private Click click(Link link, String at, boolean bot, boolean unique) {
        return new Click("t" + UUID.randomUUID().toString().replace("-", "").substring(0, 20) + (sequence++),
                Instant.parse(at), brand.id(), link.offerId(), link.memberId(), null, link.assignmentId(), "v",
                "test", null, bot, unique);
    }

    /**
     * Stores one batch the way the batcher does: clicks and their queued counts in one transaction.
     * Every other batch is applied to the rollups at once, the rest wait for the next reader.
     */
    private void flush(Click... clicks) {
        transactions.executeWithoutResult(tx -> {
            store.insert(List.of(clicks));
            writer.applyAll(List.of(clicks));
        });
        if (sequence % 2 == 0) {
            applier.applyPending();
        }
    }

    @Test
    void rollupsEqualRawClicksAfterOutOfOrderDaysAndPeriodsAcrossEveryBoundary() {
        List<Link> l = links(3);
        Link a = l.get(0);
        Link b = l.get(1);
        Link c = l.get(2);
        flush(click(a, "2026-11-10T10:00:00Z", false, true), click(a, "2026-11-10T11:00:00Z", false, false),
                click(b, "2026-11-10T12:00:00Z", true, false));
        flush(click(a, "2026-11-12T09:00:00Z", false, true), click(b, "2026-11-14T09:00:00Z", false, true));
        // A batch across midnight, and days before and between rows that already exist.
        flush(click(a, "2026-11-12T23:59:59.999Z", false, false), click(a, "2026-11-13T00:00:00Z", false, true),
                click(b, "2026-11-11T08:00:00Z", false, true), click(c, "2026-11-14T20:00:00Z", true, false));
        flush(click(a, "2026-11-08T07:00:00Z", false, true), click(b, "2026-11-12T06:00:00Z", true, false),
                click(b, "2026-11-12T07:00:00Z", false, false));
        flush(click(c, "2026-11-09T01:00:00Z", false, true), click(c, "2026-11-16T01:00:00Z", false, true),
                click(c, "2026-11-16T02:00:00Z", false, false), click(a, "2026-11-16T03:00:00Z", false, false));

        UUID offer = a.offerId();
        assertThat(dayRows(offer)).isEqualTo(rawDayRows(offer)).hasSize(12);
        assertThat(totalRows(offer)).isEqualTo(rawTotalRows(offer)).hasSize(3);
        assertThat(rollups.offerDays(offer, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)))
                .isEqualTo(rawOfferDays(offer));

        LocalDate first = LocalDate.of(2026, 11, 6);
        LocalDate last = LocalDate.of(2026, 11, 18);
        for (LocalDate from = first; !from.isAfter(last); from = from.plusDays(1)) {
            for (LocalDate to = from; !to.isAfter(last); to = to.plusDays(1)) {
                assertThat(rollups.offerMembers(offer, from, to)).as(from + " to " + to)
                        .containsExactlyInAnyOrderElementsOf(rawMembers(offer, from, to));
            }
        }
        assertThat(rollups.offerMembers(offer, LocalDate.of(2026, 11, 1), LocalDate.of(9999, 12, 31)))
                .containsExactlyInAnyOrderElementsOf(rawMembers(offer, LocalDate.of(2026, 11, 1), LocalDate.of(9999, 12, 30)));
        assertThat(rollups.linkDays(a.assignmentId(), LocalDate.of(2026, 11, 1), LocalDate.of(9999, 12, 31)))
                .extracting(ClickRollups.Day::day).containsExactly(LocalDate.of(2026, 11, 8), LocalDate.of(2026, 11, 10),
                        LocalDate.of(2026, 11, 12), LocalDate.of(2026, 11, 13), LocalDate.of(2026, 11, 16));
    }

    /** Each link's day rows with their running totals, as stored. */
    private List<String> dayRows(UUID offerId) {
        applier.applyPending();
        return jdbc.sql("""
                select assignment_id, click_day, clicks, unique_clicks, bot_clicks, run_clicks, run_unique_clicks,
                    run_bot_clicks
                from click_daily where offer_id = ?
                order by assignment_id, click_day""")
                .param(offerId)
                .query((rs, row) -> rs.getString(1) + " " + rs.getObject(2, LocalDate.class) + " " + rs.getLong(3) + " "
                        + rs.getLong(4) + " " + rs.getLong(5) + " " + rs.getLong(6) + " " + rs.getLong(7) + " "
                        + rs.getLong(8))
                .list();
    }

    /** The same, counted from the raw clicks: day figures and everything up to and including the day. */
    private List<String> rawDayRows(UUID offerId) {
        applier.applyPending();
        return jdbc.sql("""
                select d.assignment_id, d.click_day,
                    (select count(*) from clicks c where c.assignment_id = d.assignment_id and not c.is_bot
                        and cast(c.clicked_at at time zone 'UTC' as date) = d.click_day),
                    (select count(*) from clicks c where c.assignment_id = d.assignment_id and not c.is_bot and c.is_unique
                        and cast(c.clicked_at at time zone 'UTC' as date) = d.click_day),
                    (select count(*) from clicks c where c.assignment_id = d.assignment_id and c.is_bot
                        and cast(c.clicked_at at time zone 'UTC' as date) = d.click_day),
                    (select count(*) from clicks c where c.assignment_id = d.assignment_id and not c.is_bot
                        and cast(c.clicked_at at time zone 'UTC' as date) <= d.click_day),
                    (select count(*) from clicks c where c.assignment_id = d.assignment_id and not c.is_bot and c.is_unique
                        and cast(c.clicked_at at time zone 'UTC' as date) <= d.click_day),
                    (select count(*) from clicks c where c.assignment_id = d.assignment_id and c.is_bot
                        and cast(c.clicked_at at time zone 'UTC' as date) <= d.click_day)
                from (select distinct assignment_id, cast(clicked_at at time zone 'UTC' as date) as click_day
                      from clicks where offer_id = ?) d
                order by d.assignment_id, d.click_day""")
                .param(offerId)
                .query((rs, row) -> rs.getString(1) + " " + rs.getObject(2, LocalDate.class) + " " + rs.getLong(3) + " "
                        + rs.getLong(4) + " " + rs.getLong(5) + " " + rs.getLong(6) + " " + rs.getLong(7) + " "
                        + rs.getLong(8))
                .list();
    }

    private List<String> totalRows(UUID offerId) {
        applier.applyPending();
        return jdbc.sql("""
                select assignment_id, clicks, unique_clicks, bot_clicks, first_day, last_day
                from click_link_totals where offer_id = ?
                order by assignment_id""")
                .param(offerId)
                .query((rs, row) -> rs.getString(1) + " " + rs.getLong(2) + " " + rs.getLong(3) + " " + rs.getLong(4)
                        + " " + rs.getObject(5, LocalDate.class) + " " + rs.getObject(6, LocalDate.class))
                .list();
    }

    private List<String> rawTotalRows(UUID offerId) {
        return jdbc.sql("""
                select assignment_id, sum(case when is_bot then 0 else 1 end),
                    sum(case when is_unique and not is_bot then 1 else 0 end), sum(case when is_bot then 1 else 0 end),
                    min(cast(clicked_at at time zone 'UTC' as date)), max(cast(clicked_at at time zone 'UTC' as date))
                from clicks where offer_id = ?
                group by assignment_id order by assignment_id""")
                .param(offerId)
                .query((rs, row) -> rs.getString(1) + " " + rs.getLong(2) + " " + rs.getLong(3) + " " + rs.getLong(4)
                        + " " + rs.getObject(5, LocalDate.class) + " " + rs.getObject(6, LocalDate.class))
                .list();
    }

    private List<ClickRollups.Day> rawOfferDays(UUID offerId) {
        return jdbc.sql("""
                select cast(clicked_at at time zone 'UTC' as date) as d, sum(case when is_bot then 0 else 1 end),
                    sum(case when is_unique and not is_bot then 1 else 0 end), sum(case when is_bot then 1 else 0 end)
                from clicks where offer_id = ?
                group by cast(clicked_at at time zone 'UTC' as date) order by d""")
                .param(offerId)
                .query((rs, row) -> new ClickRollups.Day(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4)))
                .list();
    }

    private List<ClickRollups.MemberCounts> rawMembers(UUID offerId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select member_id, sum(case when is_bot then 0 else 1 end),
                    sum(case when is_unique and not is_bot then 1 else 0 end), sum(case when is_bot then 1 else 0 end)
                from clicks where offer_id = ? and clicked_at >= ? and clicked_at < ?
                group by member_id order by member_id""")
                .params(offerId, from.atStartOfDay().atOffset(ZoneOffset.UTC),
                        to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC))
                .query((rs, row) -> new ClickRollups.MemberCounts(rs.getObject(1, UUID.class), rs.getLong(2),
                        rs.getLong(3), rs.getLong(4)))
                .list();
    }
}
