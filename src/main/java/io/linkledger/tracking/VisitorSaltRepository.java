package io.linkledger.tracking;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class VisitorSaltRepository {

    private final JdbcClient jdbc;

    VisitorSaltRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the day's salt unless another node already did; the caller reads back the winner. */
    void insertIfAbsent(LocalDate day, String salt) {
        jdbc.sql("insert into visitor_salts (salt_day, salt) values (?, ?) on conflict do nothing")
                .params(day, salt)
                .update();
    }

    Optional<String> find(LocalDate day) {
        return jdbc.sql("select salt from visitor_salts where salt_day = ?").param(day).query(String.class).optional();
    }

    void deleteBefore(LocalDate day) {
        jdbc.sql("delete from visitor_salts where salt_day < ?").param(day).update();
    }
}
