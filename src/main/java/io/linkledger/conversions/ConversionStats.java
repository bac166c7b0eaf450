package io.linkledger.conversions;

import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.linkledger.offers.Offers;
import io.linkledger.shared.Money;
import io.linkledger.shared.Sql;

/** Conversion figures for reports: counts and sums of an offer's live (not reversed, not test) conversions. */
@Service
public class ConversionStats {

    public record OfferConversionStats(long conversions, Money sales, Money commission) {
    }

    private final JdbcClient jdbc;
    private final Offers offers;

    ConversionStats(JdbcClient jdbc, Offers offers) {
        this.jdbc = jdbc;
        this.offers = offers;
    }

    /** Conversions of the brand's offer converted in [from, to); either bound may be null. */
    public OfferConversionStats forOffer(UUID brandId, UUID offerId, Instant from, Instant to) {
        var currency = offers.get(brandId, offerId).currency();
        return jdbc.sql("""
                select count(*) as n, coalesce(sum(sale_minor), 0) as sales, coalesce(sum(commission_minor), 0) as commission
                from conversions
                where brand_id = ? and offer_id = ? and status <> 'REVERSED' and is_test = false
                  and converted_at >= ? and converted_at < ?""")
                .params(brandId, offerId, Sql.ts(from == null ? Instant.EPOCH : from),
                        Sql.ts(to == null ? Instant.parse("9999-01-01T00:00:00Z") : to))
                .query((rs, row) -> new OfferConversionStats(rs.getLong("n"), new Money(rs.getLong("sales"), currency),
                        new Money(rs.getLong("commission"), currency)))
                .single();
    }
}
