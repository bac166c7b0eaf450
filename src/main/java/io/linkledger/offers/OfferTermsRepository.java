package io.linkledger.offers;

import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.linkledger.offers.OfferTerms.VolumeTier;
import io.linkledger.shared.Money;

@Repository
class OfferTermsRepository {

    private final JdbcClient jdbc;

    OfferTermsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    OfferTerms find(UUID offerId, Currency currency) {
        Integer lock = jdbc.sql("select lock_period_days from offer_conversion_terms where offer_id = ?")
                .param(offerId)
                .query((rs, row) -> {
                    int days = rs.getInt(1);
                    return rs.wasNull() ? null : days;
                })
                .optional()
                .orElse(null);
        List<VolumeTier> tiers = jdbc.sql("select from_minor, percent from offer_volume_tiers where offer_id = ? order by from_minor")
                .param(offerId)
                .query((rs, row) -> new VolumeTier(new Money(rs.getLong("from_minor"), currency), rs.getBigDecimal("percent")))
                .list();
        return new OfferTerms(lock, tiers);
    }

    void save(UUID offerId, OfferTerms terms) {
        jdbc.sql("delete from offer_conversion_terms where offer_id = ?").param(offerId).update();
        jdbc.sql("insert into offer_conversion_terms (offer_id, lock_period_days) values (?, ?)")
                .params(offerId, terms.lockPeriodDays())
                .update();
        jdbc.sql("delete from offer_volume_tiers where offer_id = ?").param(offerId).update();
        for (VolumeTier tier : terms.volumeTiers()) {
            jdbc.sql("insert into offer_volume_tiers (offer_id, from_minor, percent) values (?, ?, ?)")
                    .params(offerId, tier.from().minor(), tier.percent())
                    .update();
        }
    }

    /** Offers of any brand with a lock period, for automatic approval. */
    List<LockedOffer> withLockPeriod() {
        return jdbc.sql("select offer_id, lock_period_days from offer_conversion_terms where lock_period_days is not null")
                .query((rs, row) -> new LockedOffer(rs.getObject("offer_id", UUID.class), rs.getInt("lock_period_days")))
                .list();
    }

    /** Offers of any brand with a pay-per-click payout option. */
    List<UUID> payingPerClick() {
        return jdbc.sql("select distinct offer_id from offer_payouts where type = 'CPC'").query(UUID.class).list();
    }

    record LockedOffer(UUID offerId, int lockPeriodDays) {
    }
}
