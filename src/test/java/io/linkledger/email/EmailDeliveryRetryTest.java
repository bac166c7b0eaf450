package io.linkledger.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.linkledger.support.MailTest;

/** A failing SMTP server delays mail; it never loses it. */
class EmailDeliveryRetryTest extends MailTest {

    @Autowired
    private Mailer mailer;

    @Autowired
    private OutboxRepository outbox;

    @AfterEach
    void smtpBackUp() {
        if (!smtp().isRunning()) {
            startSmtp();
        }
    }

    private UUID queue(String to) {
        return mailer.queue(new OutgoingEmail(brand.id(), null, "test", to, "Hello", "<p>Hi</p>", "Hi"));
    }

    @Test
    void aMessageIsRetriedUntilTheServerIsBack() throws Exception {
        stopSmtp();
        String to = "retry." + brand.id() + "@example.com";
        UUID id = queue(to);

        await("a failed attempt", () -> outbox.find(id).orElseThrow().attempts() >= 1);
        OutboxMessage failedOnce = outbox.find(id).orElseThrow();
        assertThat(failedOnce.status()).isIn(EmailStatus.QUEUED, EmailStatus.SENDING);
        assertThat(failedOnce.lastError()).isNotBlank();

        startSmtp();
        await("delivery after the server is back", () -> outbox.find(id).orElseThrow().status() == EmailStatus.SENT);
        assertThat(receivedBy(to)).hasSize(1);
        assertThat(outbox.find(id).orElseThrow().attempts()).isGreaterThan(1);
    }

    @Test
    void afterTheLastAttemptTheFailureIsRecordedWithItsReason() throws Exception {
        stopSmtp();
        UUID id = queue("doomed." + brand.id() + "@example.com");

        await("the message to fail for good", () -> outbox.find(id).orElseThrow().status() == EmailStatus.FAILED);
        OutboxMessage failed = outbox.find(id).orElseThrow();
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.lastError()).containsIgnoringCase("connect");
        assertThat(api.get("/api/v1/emails?status=FAILED").json().get("items").get(0).get("id").asString())
                .isEqualTo(id.toString());
    }
}
