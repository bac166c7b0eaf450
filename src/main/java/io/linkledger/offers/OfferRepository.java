package io.linkledger.offers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.linkledger.shared.Money;
import io.linkledger.shared.Sql;

@Repository
class OfferRepository {

    private static final String COLUMNS = """
            id, brand_id, name, description, type, conversion_type, currency, tracking_protocol,
            destination_url, fallback_url, deep_link_hosts, starts_at, ends_at, status,
            attribution_window_days, created_at, updated_at""";

    private final JdbcClient jdbc;

    OfferRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Offer offer) {
        jdbc.sql("insert into offers (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(offer.id(), offer.brandId(), offer.name(), offer.description(), offer.type().name(),
                        offer.conversionType().name(), offer.currency().getCurrencyCode(),
                        offer.trackingProtocol().name(), offer.destinationUrl(), offer.fallbackUrl(),
                        String.join(" ", offer.deepLinkHosts()), Sql.ts(offer.startsAt()), Sql.ts(offer.endsAt()),
                        offer.status().name(), offer.attributionWindowDays(), Sql.ts(offer.createdAt()),
                        Sql.ts(offer.updatedAt()))
                .update();
        insertPayouts(offer.id(), offer.payouts());
    }

    void update(Offer offer) {
        jdbc.sql("""
                update offers set name = ?, description = ?, type = ?, conversion_type = ?, tracking_protocol = ?,
                    destination_url = ?, fallback_url = ?, deep_link_hosts = ?, starts_at = ?, ends_at = ?,
                    status = ?, attribution_window_days = ?, updated_at = ?
                where id = ?""")
                .params(offer.name(), offer.description(), offer.type().name(), offer.conversionType().name(),
                        offer.trackingProtocol().name(), offer.destinationUrl(), offer.fallbackUrl(),
                        String.join(" ", offer.deepLinkHosts()), Sql.ts(offer.startsAt()), Sql.ts(offer.endsAt()),
                        offer.status().name(), offer.attributionWindowDays(), Sql.ts(offer.updatedAt()), offer.id())
                .update();
    }

    /**
     * Brings the stored payouts in line with {@code payouts}: ids kept, removed ones deleted
     * (members who were on a removed tier fall back to the default one).
     */
    void replacePayouts(UUID offerId, List<PayoutRule> payouts) {
        List<UUID> keep = payouts.stream().map(PayoutRule::id).toList();
        jdbc.sql("delete from offer_payouts where offer_id = :offer and id not in (:keep)")
                .param("offer", offerId)
                .param("keep", keep)
                .update();
        // Names are unique per offer: clear them first so two tiers can swap names.
        jdbc.sql("update offer_payouts set name = cast(id as varchar(100)) where offer_id = ?").param(offerId).update();
        for (int i = 0; i < payouts.size(); i++) {
            PayoutRule p = payouts.get(i);
            int updated = jdbc.sql("""
                    update offer_payouts set name = ?, type = ?, amount_minor = ?, percent = ?, is_default = ?, position = ?
                    where id = ?""")
                    .params(p.name(), p.type().name(), p.amount() == null ? null : p.amount().minor(), p.percent(),
                            p.isDefault(), i, p.id())
                    .update();
            if (updated == 0) {
                insertPayout(offerId, p, i);
            }
        }
    }

    private void insertPayouts(UUID offerId, List<PayoutRule> payouts) {
        for (int i = 0; i < payouts.size(); i++) {
            insertPayout(offerId, payouts.get(i), i);
        }
    }

    private void insertPayout(UUID offerId, PayoutRule p, int position) {
        jdbc.sql("""
                insert into offer_payouts (id, offer_id, name, type, amount_minor, percent, is_default, position)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(p.id(), offerId, p.name(), p.type().name(), p.amount() == null ? null : p.amount().minor(),
                        p.percent(), p.isDefault(), position)
                .update();
    }

    Optional<Offer> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from offers where id = ?")
                .param(id)
                .query(this::offerWithoutPayouts)
                .optional()
                .map(offer -> withPayouts(List.of(offer)).getFirst());
    }

    List<Offer> list(UUID brandId, Collection<OfferStatus> statuses, int limit, int offset) {
        List<Offer> offers = jdbc.sql("select " + COLUMNS + """
                 from offers where brand_id = :brand and status in (:statuses)
                order by created_at desc, id limit :limit offset :offset""")
                .param("brand", brandId)
                .param("statuses", statuses.stream().map(Enum::name).toList())
                .param("limit", limit)
                .param("offset", offset)
                .query(this::offerWithoutPayouts)
                .list();
        return withPayouts(offers);
    }

    long count(UUID brandId, Collection<OfferStatus> statuses) {
        return jdbc.sql("select count(*) from offers where brand_id = :brand and status in (:statuses)")
                .param("brand", brandId)
                .param("statuses", statuses.stream().map(Enum::name).toList())
                .query(Long.class)
                .single();
    }

    private List<Offer> withPayouts(List<Offer> offers) {
        if (offers.isEmpty()) {
            return offers;
        }
        Map<UUID, List<PayoutRule>> byOffer = new LinkedHashMap<>();
        Map<UUID, Currency> currencies = new LinkedHashMap<>();
        for (Offer offer : offers) {
            byOffer.put(offer.id(), new ArrayList<>());
            currencies.put(offer.id(), offer.currency());
        }
        jdbc.sql("""
                select id, offer_id, name, type, amount_minor, percent, is_default from offer_payouts
                where offer_id in (:ids) order by offer_id, position""")
                .param("ids", byOffer.keySet())
                .query(rs -> {
                    UUID offerId = Sql.uuid(rs, "offer_id");
                    Long minor = Sql.longOrNull(rs, "amount_minor");
                    byOffer.get(offerId).add(new PayoutRule(Sql.uuid(rs, "id"), rs.getString("name"),
                            PayoutType.valueOf(rs.getString("type")),
                            minor == null ? null : new Money(minor, currencies.get(offerId)),
                            rs.getBigDecimal("percent"), rs.getBoolean("is_default")));
                });
        return offers.stream().map(o -> copyWithPayouts(o, List.copyOf(byOffer.get(o.id())))).toList();
    }

    private static Offer copyWithPayouts(Offer o, List<PayoutRule> payouts) {
        return new Offer(o.id(), o.brandId(), o.name(), o.description(), o.type(), o.conversionType(), o.currency(),
                o.trackingProtocol(), o.destinationUrl(), o.fallbackUrl(), o.deepLinkHosts(), o.startsAt(),
                o.endsAt(), o.status(), o.attributionWindowDays(), payouts, o.createdAt(), o.updatedAt());
    }

    private Offer offerWithoutPayouts(ResultSet rs, int row) throws SQLException {
        String hosts = rs.getString("deep_link_hosts");
        return new Offer(Sql.uuid(rs, "id"), Sql.uuid(rs, "brand_id"), rs.getString("name"),
                rs.getString("description"), OfferType.valueOf(rs.getString("type")),
                ConversionType.valueOf(rs.getString("conversion_type")),
                Currency.getInstance(rs.getString("currency").trim()),
                TrackingProtocol.valueOf(rs.getString("tracking_protocol")), rs.getString("destination_url"),
                rs.getString("fallback_url"),
                hosts == null || hosts.isBlank() ? List.of() : Arrays.asList(hosts.split(" ")),
                Sql.instant(rs, "starts_at"), Sql.instant(rs, "ends_at"),
                OfferStatus.valueOf(rs.getString("status")), rs.getInt("attribution_window_days"), List.of(),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }
}
