package io.linkledger.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import io.linkledger.support.MailTest;

/** Emails to members carry the brand: its name in the text, its sender name and address, its reply-to. */
class BrandedEmailTest extends MailTest {

    @Test
    void anEmailToAMemberComesFromTheBrandsSenderAndRepliesGoToItsReplyToAddress() throws Exception {
        api.patch("/api/v1/brand", Map.of("name", "Sunny Socks", "senderName", "Sunny Socks Partners",
                "senderEmail", "partners@sunnysocks.example", "replyToEmail", "help@sunnysocks.example"));
        String to = "mia." + brand.id() + "@example.com";
        MimeMessage message = sendTo(to);

        InternetAddress from = (InternetAddress) message.getFrom()[0];
        assertThat(from.getPersonal()).isEqualTo("Sunny Socks Partners");
        assertThat(from.getAddress()).isEqualTo("partners@sunnysocks.example");
        assertThat(((InternetAddress) message.getReplyTo()[0]).getAddress()).isEqualTo("help@sunnysocks.example");
        assertThat(message.getSubject()).endsWith("from Sunny Socks");
        assertThat(MailParts.of(message).text()).contains("Sunny Socks");
    }

    @Test
    void withoutASenderTheBrandNameComesFromTheServersAddressAndRepliesGoToIt() throws Exception {
        api.patch("/api/v1/brand", Map.of("name", "Plain Brand"));
        String to = "noah." + brand.id() + "@example.com";
        MimeMessage message = sendTo(to);

        InternetAddress from = (InternetAddress) message.getFrom()[0];
        assertThat(from.getPersonal()).isEqualTo("Plain Brand");
        assertThat(from.getAddress()).isEqualTo("no-reply@localhost");
        assertThat(((InternetAddress) message.getReplyTo()[0]).getAddress()).isEqualTo("no-reply@localhost");
    }

    private MimeMessage sendTo(String to) throws InterruptedException {
        String offer = createLinkOffer("Sock Drop").get("id").asString();
        String member = createMember("Mia Reyes", to).get("id").asString();
        assign(offer, member);
        String job = api.post("/api/v1/offers/" + offer + "/emails/send", Map.of("memberIds", List.of(member))).json()
                .get("jobId").asString();
        awaitJob(job);
        await("the email to " + to, () -> receivedBy(to).size() == 1);
        return receivedBy(to).getFirst();
    }
}
