package io.linkledger.assignments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.linkledger.offers.PayoutType;
import io.linkledger.security.SecretBox;
import io.linkledger.shared.Money;
import io.linkledger.shared.Sql;
import io.linkledger.shared.Tokens;

/**
 * The {@code offer_members} table. A dashboard token is never stored in clear: its SHA-256
 * finds the assignment a link opens, and a sealed copy ({@link SecretBox}) lets the brand see
 * and copy the link again.
 */
@Repository
class AssignmentRepository {

    private static final String COLUMNS = """
            om.id, om.brand_id, om.offer_id, om.member_id, om.project_id, om.link_code, om.promo_code,
            om.dashboard_token_sealed, om.payout_id, om.override_type, om.override_amount_minor, om.override_percent,
            om.created_at, om.updated_at, om.currency""";
    private static final String FROM = " from offer_members om ";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final SecretBox secrets;

    AssignmentRepository(JdbcClient jdbc, JdbcTemplate batch, SecretBox secrets) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.secrets = secrets;
    }

    /**
     * Inserts the assignments; a row that clashes with an existing one (same member and offer,
     * or a taken code) is skipped, and the caller reads back which ones landed.
     */
    void insertAll(Currency currency, List<Assignment> assignments) {
        batch.batchUpdate("""
                insert into offer_members (id, brand_id, offer_id, member_id, project_id, link_code, promo_code,
                    promo_code_key, dashboard_token_hash, dashboard_token_sealed, payout_id, created_at, updated_at,
                    currency)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing""", assignments, 500, (ps, a) -> {
            ps.setObject(1, a.id());
            ps.setObject(2, a.brandId());
            ps.setObject(3, a.offerId());
            ps.setObject(4, a.memberId());
            ps.setObject(5, a.projectId());
            ps.setString(6, a.linkCode());
            ps.setString(7, a.promoCode());
            ps.setString(8, promoKey(a.promoCode()));
            ps.setString(9, hash(a.dashboardToken()));
            ps.setString(10, seal(a.dashboardToken()));
            ps.setObject(11, a.payoutId());
            ps.setObject(12, Sql.ts(a.createdAt()));
            ps.setObject(13, Sql.ts(a.updatedAt()));
            ps.setString(14, currency.getCurrencyCode());
        });
    }

    /** Saves the changeable parts of an assignment: code, project, tier and override. */
    void update(Assignment a) {
        jdbc.sql("""
                update offer_members set promo_code = ?, promo_code_key = ?, project_id = ?, payout_id = ?,
                    override_type = ?, override_amount_minor = ?, override_percent = ?, updated_at = ?
                where id = ?""")
                .params(a.promoCode(), promoKey(a.promoCode()), a.projectId(), a.payoutId(),
                        a.override() == null ? null : a.override().type().name(),
                        a.override() == null || a.override().amount() == null ? null : a.override().amount().minor(),
                        a.override() == null ? null : a.override().percent(), Sql.ts(a.updatedAt()), a.id())
                .update();
    }

    List<Assignment> findByMembers(UUID offerId, Collection<UUID> memberIds) {
        if (memberIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + FROM + "where om.offer_id = :offer and om.member_id in (:members)")
                .param("offer", offerId)
                .param("members", memberIds)
                .query(this::assignment)
                .list();
    }

    List<Assignment> findByIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + FROM + "where om.id in (:ids)")
                .param("ids", ids)
                .query(this::assignment)
                .list();
    }

    Optional<Assignment> find(UUID offerId, UUID memberId) {
        return jdbc.sql("select " + COLUMNS + FROM + "where om.offer_id = ? and om.member_id = ?")
                .params(offerId, memberId)
                .query(this::assignment)
                .optional();
    }

    Optional<Assignment> findByLinkCode(String linkCode) {
        return jdbc.sql("select " + COLUMNS + FROM + "where om.link_code = ?")
                .param(linkCode)
                .query(this::assignment)
                .optional();
    }

    Optional<Assignment> findByDashboardToken(String token) {
        return jdbc.sql("select " + COLUMNS + FROM + "where om.dashboard_token_hash = ?")
                .param(Tokens.sha256(token))
                .query(this::assignment)
                .optional();
    }

    Optional<Assignment> findByPromoCode(UUID brandId, String promoCode) {
        return jdbc.sql("select " + COLUMNS + FROM + "where om.brand_id = ? and om.promo_code_key = ?")
                .params(brandId, promoKey(promoCode))
                .query(this::assignment)
                .optional();
    }

    /** Which of these promo codes the brand already uses, as upper-cased keys. */
    Set<String> takenPromoKeys(UUID brandId, Collection<String> codes) {
        if (codes.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                select promo_code_key from offer_members where brand_id = :brand and promo_code_key in (:keys)""")
                .param("brand", brandId)
                .param("keys", codes.stream().map(AssignmentRepository::promoKey).toList())
                .query(String.class)
                .list());
    }

    List<Assignment> list(UUID offerId, int limit, int offset) {
        return jdbc.sql("select " + COLUMNS + FROM + "where om.offer_id = ? order by om.created_at, om.id limit ? offset ?")
                .params(offerId, limit, offset)
                .query(this::assignment)
                .list();
    }

    List<UUID> memberIds(UUID offerId) {
        return jdbc.sql("select member_id from offer_members where offer_id = ?")
                .param(offerId)
                .query((rs, n) -> Sql.uuid(rs, "member_id"))
                .list();
    }

    long count(UUID offerId) {
        return jdbc.sql("select count(*) from offer_members where offer_id = ?")
                .param(offerId)
                .query(Long.class)
                .single();
    }

    /** The member's assignments in every offer (a member belongs to one brand). */
    List<Assignment> findByMember(Collection<UUID> memberIds) {
        if (memberIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + FROM + "where om.member_id in (:members) order by om.created_at, om.id")
                .param("members", memberIds)
                .query(this::assignment)
                .list();
    }

    void updateDashboardToken(UUID assignmentId, String token, Instant now) {
        jdbc.sql("""
                update offer_members set dashboard_token_hash = ?, dashboard_token_sealed = ?, updated_at = ?
                where id = ?""")
                .params(hash(token), seal(token), Sql.ts(now), assignmentId)
                .update();
    }

    void retireDashboardToken(String tokenHash, UUID assignmentId, RetiredDashboardToken.Reason reason, Instant at) {
        jdbc.sql("""
                insert into dashboard_tokens_retired (token_hash, assignment_id, reason, retired_at)
                values (?, ?, ?, ?) on conflict do nothing""")
                .params(tokenHash, assignmentId, reason.name(), Sql.ts(at))
                .update();
    }

    Optional<RetiredDashboardToken> findRetiredDashboardToken(String tokenHash) {
        return jdbc.sql("select assignment_id, reason, retired_at from dashboard_tokens_retired where token_hash = ?")
                .param(tokenHash)
                .query((rs, row) -> new RetiredDashboardToken(Sql.uuid(rs, "assignment_id"),
                        RetiredDashboardToken.Reason.valueOf(rs.getString("reason")), Sql.instant(rs, "retired_at")))
                .optional();
    }

    private static String hash(String dashboardToken) {
        return dashboardToken == null ? null : Tokens.sha256(dashboardToken);
    }

    private String seal(String dashboardToken) {
        return dashboardToken == null ? null : secrets.seal(dashboardToken);
    }

    private String open(String sealed) {
        return sealed == null ? null : secrets.open(sealed);
    }

    static String promoKey(String code) {
        return code == null ? null : code.toUpperCase(Locale.ROOT);
    }

    private Assignment assignment(ResultSet rs, int row) throws SQLException {
        String overrideType = rs.getString("override_type");
        CommissionOverride override = null;
        if (overrideType != null) {
            Long minor = Sql.longOrNull(rs, "override_amount_minor");
            Currency currency = Currency.getInstance(rs.getString("currency").trim());
            override = new CommissionOverride(PayoutType.valueOf(overrideType),
                    minor == null ? null : new Money(minor, currency), rs.getBigDecimal("override_percent"));
        }
        return new Assignment(Sql.uuid(rs, "id"), Sql.uuid(rs, "brand_id"), Sql.uuid(rs, "offer_id"),
                Sql.uuid(rs, "member_id"), Sql.uuid(rs, "project_id"), rs.getString("link_code"),
                rs.getString("promo_code"), open(rs.getString("dashboard_token_sealed")), Sql.uuid(rs, "payout_id"), override,
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }
}
