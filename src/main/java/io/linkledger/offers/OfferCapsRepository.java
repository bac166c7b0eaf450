package io.linkledger.offers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.linkledger.shared.Money;
import io.linkledger.shared.Sql;

/** An offer's own quality limits ({@code offer_caps}) and a brand's defaults ({@code quality_defaults}). */
@Repository
class OfferCapsRepository {

    private static final String COLUMNS = """
            max_sale_minor, max_commission_minor, max_conversions_per_click, max_conversions_per_visitor,
            visitor_window_minutes, pixel_review_above_minor, min_seconds_to_convert, max_clicks_per_visitor""";

    /** A brand's defaults and the currency of their amounts. */
    record Defaults(OfferCaps caps, Currency currency) {
    }

    private final JdbcClient jdbc;

    OfferCapsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<OfferCaps> find(UUID offerId, Currency currency) {
        return jdbc.sql("select " + COLUMNS + " from offer_caps where offer_id = ?")
                .param(offerId)
                .query((rs, row) -> caps(rs, currency))
                .optional();
    }

    /** Replaces the offer's limits; the row goes when no limit is left. */
    void save(UUID offerId, OfferCaps caps) {
        jdbc.sql("delete from offer_caps where offer_id = ?").param(offerId).update();
        if (caps.equals(OfferCaps.NONE)) {
            return;
        }
        jdbc.sql("insert into offer_caps (offer_id, " + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(offerId, minor(caps.maxSale()), minor(caps.maxCommission()), caps.maxConversionsPerClick(),
                        caps.maxConversionsPerVisitor(), caps.visitorWindowMinutes(), minor(caps.pixelReviewAbove()),
                        caps.minSecondsToConvert(), caps.maxClicksPerVisitor())
                .update();
    }

    Optional<Defaults> findDefaults(UUID brandId) {
        return jdbc.sql("select currency, " + COLUMNS + " from quality_defaults where brand_id = ?")
                .param(brandId)
                .query((rs, row) -> {
                    Currency currency = Money.currency(rs.getString("currency"));
                    return new Defaults(caps(rs, currency), currency);
                })
                .optional();
    }

    /** Replaces the brand's defaults; the row goes when none is left. */
    void saveDefaults(UUID brandId, Defaults defaults) {
        jdbc.sql("delete from quality_defaults where brand_id = ?").param(brandId).update();
        OfferCaps caps = defaults.caps();
        if (caps.equals(OfferCaps.NONE)) {
            return;
        }
        jdbc.sql("insert into quality_defaults (brand_id, currency, " + COLUMNS
                + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(brandId, defaults.currency().getCurrencyCode(), minor(caps.maxSale()),
                        minor(caps.maxCommission()), caps.maxConversionsPerClick(), caps.maxConversionsPerVisitor(),
                        caps.visitorWindowMinutes(), minor(caps.pixelReviewAbove()), caps.minSecondsToConvert(),
                        caps.maxClicksPerVisitor())
                .update();
    }

    private static OfferCaps caps(ResultSet rs, Currency currency) throws SQLException {
        return new OfferCaps(money(Sql.longOrNull(rs, "max_sale_minor"), currency),
                money(Sql.longOrNull(rs, "max_commission_minor"), currency),
                rs.getObject("max_conversions_per_click", Integer.class),
                rs.getObject("max_conversions_per_visitor", Integer.class),
                rs.getObject("visitor_window_minutes", Integer.class),
                money(Sql.longOrNull(rs, "pixel_review_above_minor"), currency),
                rs.getObject("min_seconds_to_convert", Integer.class),
                rs.getObject("max_clicks_per_visitor", Integer.class));
    }

    private static Money money(Long minor, Currency currency) {
        return minor == null ? null : new Money(minor, currency);
    }

    private static Long minor(Money money) {
        return money == null ? null : money.minor();
    }
}
