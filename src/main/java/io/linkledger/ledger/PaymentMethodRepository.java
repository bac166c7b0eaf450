package io.linkledger.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.linkledger.shared.Sql;

@Repository
class PaymentMethodRepository {

    private final JdbcClient jdbc;

    PaymentMethodRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(PaymentMethod m, String setupRef) {
        jdbc.sql("""
                insert into payment_methods (id, brand_id, processor, customer_ref, payment_method_ref, card_brand,
                    last4, exp_month, exp_year, status, created_at, setup_ref)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(m.id(), m.brandId(), m.processor(), m.customerRef(), m.paymentMethodRef(), m.cardBrand(),
                        m.last4(), m.expMonth(), m.expYear(), m.status(), Sql.ts(m.createdAt()), setupRef)
                .update();
    }

    Optional<PaymentMethod> findBySetup(UUID brandId, String setupRef) {
        return jdbc.sql("select * from payment_methods where brand_id = ? and setup_ref = ?").params(brandId, setupRef)
                .query(this::method).optional();
    }

    void deactivateAll(UUID brandId) {
        jdbc.sql("update payment_methods set status = 'REMOVED' where brand_id = ? and status = 'ACTIVE'")
                .param(brandId).update();
    }

    void deactivate(UUID id) {
        jdbc.sql("update payment_methods set status = 'REMOVED' where id = ?").param(id).update();
    }

    Optional<PaymentMethod> active(UUID brandId) {
        return jdbc.sql("select * from payment_methods where brand_id = ? and status = 'ACTIVE' "
                        + "order by created_at desc limit 1")
                .param(brandId).query(this::method).optional();
    }

    Optional<PaymentMethod> find(UUID brandId, UUID id) {
        return jdbc.sql("select * from payment_methods where brand_id = ? and id = ?").params(brandId, id)
                .query(this::method).optional();
    }

    List<PaymentMethod> list(UUID brandId) {
        return jdbc.sql("select * from payment_methods where brand_id = ? order by created_at desc")
                .param(brandId).query(this::method).list();
    }

    Optional<String> customer(UUID brandId) {
        return jdbc.sql("select customer_ref from card_customers where brand_id = ?").param(brandId)
                .query(String.class).optional();
    }

    Optional<UUID> brandOfCustomer(String customerRef) {
        return jdbc.sql("select brand_id from card_customers where customer_ref = ?").param(customerRef)
                .query(UUID.class).optional();
    }

    /** Keeps the brand's customer unless a concurrent request kept one first. */
    void insertCustomer(UUID brandId, String processor, String customerRef, Instant now) {
        jdbc.sql("""
                insert into card_customers (brand_id, processor, customer_ref, created_at) values (?, ?, ?, ?)
                on conflict do nothing""")
                .params(brandId, processor, customerRef, Sql.ts(now))
                .update();
    }

    private PaymentMethod method(ResultSet rs, int row) throws SQLException {
        return new PaymentMethod(Sql.uuid(rs, "id"), Sql.uuid(rs, "brand_id"), rs.getString("processor"),
                rs.getString("customer_ref"), rs.getString("payment_method_ref"), rs.getString("card_brand"),
                rs.getString("last4"), (Integer) rs.getObject("exp_month"), (Integer) rs.getObject("exp_year"),
                rs.getString("status"), Sql.instant(rs, "created_at"));
    }
}
