package io.linkledger.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.test.context.TestPropertySource;

import io.linkledger.support.Api;
import io.linkledger.support.ApiTest;

/** The redirect when the database is away: a clear 503 page at once, and back to normal after. */
@Import(DatabaseDownTest.Outage.class)
@TestPropertySource(properties = "linkledger.tracking.unavailable-backoff=200ms")
class DatabaseDownTest extends ApiTest {

    /** Wraps the real pool: while {@code down}, asking for a connection fails as an unreachable database does. */
    @TestConfiguration
    static class Outage {

        volatile boolean down;

        @Bean
        static BeanPostProcessor switchableDataSource(org.springframework.beans.factory.ObjectProvider<Outage> outage) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof DataSource real)) {
                        return bean;
                    }
                    return new DelegatingDataSource(real) {
                        @Override
                        public Connection getConnection() throws SQLException {
                            if (outage.getObject().down) {
                                throw new SQLTransientConnectionException("Connection refused (simulated outage)");
                            }
                            return super.getConnection();
                        }
                    };
                }
            };
        }
    }

    @Autowired
    Outage outage;

    @AfterEach
    void databaseBack() {
        outage.down = false;
    }

    private Api.Response click(String code) {
        return api.send(api.withKey(null).request("/r/" + code).header("User-Agent", RedirectApiTest.BROWSER).GET());
    }

    @Test
    void redirectAnswers503PageWhileTheDatabaseIsDownAndStoresEveryClickItAnswered() throws Exception {
        String offerId = createLinkOffer("Outage").get("id").asString();
        String memberId = createMember("Ola Nordmann", "ola-" + UUID.randomUUID() + "@example.com").get("id").asString();
        String link = assign(offerId, memberId).get(0).get("trackingLink").asString();
        String code = link.substring(link.lastIndexOf('/') + 1);
        List<Integer> statuses = new ArrayList<>();
        statuses.add(click(code).status());

        outage.down = true;
        for (int i = 0; i < 3; i++) {
            Api.Response down = click(code);
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.contentType()).startsWith("text/html");
            assertThat(down.body()).contains("Temporarily unavailable");
            assertThat(down.header("Set-Cookie")).isNull();
            statuses.add(down.status());
        }
        assertThat(click("UnseenCode").status()).as("a code not in the cache").isEqualTo(503);

        outage.down = false;
        Api.Response back = click(code);
        for (int attempt = 0; attempt < 50 && back.status() == 503; attempt++) {
            Thread.sleep(100);
            statuses.add(back.status());
            back = click(code);
        }
        assertThat(back.status()).isEqualTo(302);
        statuses.add(back.status());

        long answered = statuses.stream().filter(s -> s == 302).count();
        assertThat(answered).isEqualTo(2);
        assertThat(count("select count(*) from clicks where offer_id = ?", UUID.fromString(offerId)))
                .isEqualTo(answered);
        assertThat(api.get("/api/v1/reports/offers/" + offerId).json().get("clicks").asLong()).isEqualTo(answered);
    }
}
