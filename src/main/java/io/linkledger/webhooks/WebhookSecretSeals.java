package io.linkledger.webhooks;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.linkledger.security.SealedColumn;
import io.linkledger.shared.Sql;

/** The sealed signing secrets of webhook endpoints, sealed again after a server key change. */
@Component
class WebhookSecretSeals implements SealedColumn {

    private final JdbcClient jdbc;

    WebhookSecretSeals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String what() {
        return "webhook signing secret(s)";
    }

    @Override
    public List<Sealed> sealedOtherwise(String currentPrefix, int limit) {
        return jdbc.sql("select id, secret_sealed from webhook_endpoints where secret_sealed not like ? limit ?")
                .params(currentPrefix + "%", limit)
                .query((rs, row) -> new Sealed(Sql.uuid(rs, "id"), rs.getString("secret_sealed")))
                .list();
    }

    @Override
    public boolean replace(Sealed old, String resealed) {
        return jdbc.sql("update webhook_endpoints set secret_sealed = ? where id = ? and secret_sealed = ?")
                .params(resealed, old.id(), old.value())
                .update() == 1;
    }
}
