package io.linkledger.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationContext;

import io.linkledger.support.ApiTest;

/** A webhook secret sealed under a replaced server key still signs, and is sealed again at start-up. */
class WebhookSecretResealingTest extends ApiTest {

    private static final String PREVIOUS = "previous-test-secret-key-0123456789abcdef";

    @Autowired
    private DataSource dataSource;

    @Autowired
    private Clock clock;

    @Autowired
    private SecretBox secrets;

    @Autowired
    private ApplicationContext context;

    @Test
    void aSecretUnderAReplacedKeyIsSealedAgainUnderTheCurrentOne() throws Exception {
        var created = api.post("/api/v1/webhooks", Map.of("url", "https://hooks.example.com/x",
                "events", List.of("conversion.created"))).json();
        UUID id = UUID.fromString(created.get("id").asString());
        String secret = created.get("secret").asString();
        String underPrevious = new SecretBox(new ServerKeys(dataSource, clock, PREVIOUS, List.of())).seal(secret);
        jdbc.sql("update webhook_endpoints set secret_sealed = ? where id = ?").params(underPrevious, id).update();

        context.getBean("resealing", ApplicationRunner.class).run(null);

        String resealed = jdbc.sql("select secret_sealed from webhook_endpoints where id = ?").param(id)
                .query(String.class).single();
        assertThat(resealed).startsWith(secrets.currentPrefix()).isNotEqualTo(underPrevious);
        assertThat(secrets.open(resealed)).isEqualTo(secret);
    }
}
