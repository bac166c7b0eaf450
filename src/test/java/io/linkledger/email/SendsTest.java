package io.linkledger.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.linkledger.support.Api;
import io.linkledger.support.MailTest;
import tools.jackson.databind.JsonNode;

/** Each send has a delivery log; its failed emails can be resent, once per press. */
class SendsTest extends MailTest {

    @Autowired
    private Sends sends;

    @AfterEach
    void smtpBackUp() {
        if (!smtp().isRunning()) {
            startSmtp();
        }
    }

    private String offerWithMembers(String... names) {
        String offer = createLinkOffer("Autumn").get("id").asString();
        String[] ids = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            ids[i] = createMember(names[i], names[i].toLowerCase() + "." + brand.id() + "@example.com").get("id")
                    .asString();
        }
        assign(offer, ids);
        return offer;
    }

    private Api.Response send(String offer, String idempotencyKey) {
        return api.send(api.request("/api/v1/offers/" + offer + "/emails/send")
                .header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    }

    @Test
    void theSameKeySendsOnce() throws Exception {
        String offer = offerWithMembers("Ana", "Bo");
        JsonNode first = send(offer, "press-1").json();
        JsonNode again = send(offer, "press-1").json();
        assertThat(again.get("sendId").asString()).isEqualTo(first.get("sendId").asString());
        assertThat(again.get("repeated").asBoolean()).isTrue();
        awaitJob(first.get("jobId").asString());

        await("both delivered", () -> sends.get(brand.id(), uuid(first, "sendId")).counts().sent() == 2);
        assertThat(count("select count(*) from email_outbox where brand_id = ?", brand.id())).isEqualTo(2);
        assertThat(receivedBy("ana." + brand.id() + "@example.com")).hasSize(1);
        JsonNode log = api.get("/api/v1/emails?sendId=" + first.get("sendId").asString()).json();
        assertThat(log.get("total").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/email-sends/" + first.get("sendId").asString()).json().get("counts").get("sent")
                .asInt()).isEqualTo(2);
    }

    @Test
    void failedEmailsAreListedWithTheirReasonAndResentOnceWhenPressedTwice() throws Exception {
        String offer = offerWithMembers("Cleo", "Dan");
        stopSmtp();
        JsonNode started = send(offer, UUID.randomUUID().toString()).json();
        UUID sendId = uuid(started, "sendId");
        awaitJob(started.get("jobId").asString());
        await("both to fail for good", () -> sends.get(brand.id(), sendId).counts().failed() == 2);

        List<Delivery> failed = sends.deliveries(brand.id(), sendId, EmailStatus.FAILED, 50, 0).items();
        assertThat(failed).extracting(Delivery::memberName).containsExactly("Cleo", "Dan");
        assertThat(failed).allSatisfy(d -> {
            assertThat(d.attempts()).isEqualTo(3);
            assertThat(d.lastError()).containsIgnoringCase("connect");
        });

        UUID key = UUID.randomUUID();
        Resend first = sends.resendFailed(brand.id(), sendId, key);
        Resend second = sends.resendFailed(brand.id(), sendId, key);
        assertThat(first.requeued()).isEqualTo(2);
        assertThat(first.repeated()).isFalse();
        assertThat(second.repeated()).isTrue();
        assertThat(second.requeued()).isEqualTo(2);
        assertThat(sends.resends(brand.id(), sendId)).hasSize(1);

        startSmtp();
        await("both delivered after the resend", () -> sends.get(brand.id(), sendId).counts().sent() == 2);
        assertThat(receivedBy("cleo." + brand.id() + "@example.com")).hasSize(1);
        assertThat(sends.get(brand.id(), sendId).finished()).isTrue();
        JsonNode again = api.send(api.request("/api/v1/email-sends/" + sendId + "/resend")
                .header("Idempotency-Key", "late").POST(HttpRequest.BodyPublishers.noBody())).json();
        assertThat(again.get("requeued").asInt()).as("nothing failed any more").isZero();
    }

    @Test
    void anotherBrandsSendIsNotFound() throws Exception {
        String offer = offerWithMembers("Eve");
        UUID sendId = uuid(send(offer, "k").json(), "sendId");
        var other = brands.create("Other " + UUID.randomUUID());
        problem(api.withKey(brands.createKey(other.id(), "t").plainText()).get("/api/v1/email-sends/" + sendId), 404);
        assertThat(sends.ofOffer(brand.id(), UUID.fromString(offer), 10, 0).items()).extracting(EmailSend::id)
                .containsExactly(sendId);
    }

    private static UUID uuid(JsonNode node, String field) {
        return UUID.fromString(node.get(field).asString());
    }
}
