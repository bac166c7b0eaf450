package io.linkledger.assignments;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.linkledger.security.SealedColumn;
import io.linkledger.shared.Sql;

/** The sealed dashboard tokens of assignments, sealed again after a server key change. */
@Component
class DashboardTokenSeals implements SealedColumn {

    private final JdbcClient jdbc;

    DashboardTokenSeals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String what() {
        return "dashboard token(s)";
    }

    @Override
    public List<Sealed> sealedOtherwise(String currentPrefix, int limit) {
        return jdbc.sql("""
                select id, dashboard_token_sealed from offer_members
                where dashboard_token_sealed is not null and dashboard_token_sealed not like ? limit ?""")
                .params(currentPrefix + "%", limit)
                .query((rs, row) -> new Sealed(Sql.uuid(rs, "id"), rs.getString("dashboard_token_sealed")))
                .list();
    }

    @Override
    public boolean replace(Sealed old, String resealed) {
        return jdbc.sql("""
                update offer_members set dashboard_token_sealed = ? where id = ? and dashboard_token_sealed = ?""")
                .params(resealed, old.id(), old.value())
                .update() == 1;
    }
}
