package io.linkledger.offers;

import java.util.Currency;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.linkledger.shared.Money;
import io.linkledger.shared.Sql;

@Repository
class OfferCapsRepository {

    private final JdbcClient jdbc;

    OfferCapsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<OfferCaps> find(UUID offerId, Currency currency) {
        return jdbc.sql("""
                select max_sale_minor, max_commission_minor, max_conversions_per_click,
                    max_conversions_per_visitor_day, pixel_review_above_minor
                from offer_caps where offer_id = ?""")
                .param(offerId)
                .query((rs, row) -> new OfferCaps(money(Sql.longOrNull(rs, "max_sale_minor"), currency),
                        money(Sql.longOrNull(rs, "max_commission_minor"), currency),
                        rs.getObject("max_conversions_per_click", Integer.class),
                        rs.getObject("max_conversions_per_visitor_day", Integer.class),
                        money(Sql.longOrNull(rs, "pixel_review_above_minor"), currency)))
                .optional();
    }

    /** Replaces the offer's caps; the row goes when no cap is left. */
    void save(UUID offerId, OfferCaps caps) {
        jdbc.sql("delete from offer_caps where offer_id = ?").param(offerId).update();
        if (caps.equals(OfferCaps.NONE)) {
            return;
        }
        jdbc.sql("""
                insert into offer_caps (offer_id, max_sale_minor, max_commission_minor, max_conversions_per_click,
                    max_conversions_per_visitor_day, pixel_review_above_minor)
                values (?, ?, ?, ?, ?, ?)""")
                .params(offerId, minor(caps.maxSale()), minor(caps.maxCommission()), caps.maxConversionsPerClick(),
                        caps.maxConversionsPerVisitorPerDay(), minor(caps.pixelReviewAbove()))
                .update();
    }

    private static Money money(Long minor, Currency currency) {
        return minor == null ? null : new Money(minor, currency);
    }

    private static Long minor(Money money) {
        return money == null ? null : money.minor();
    }
}
