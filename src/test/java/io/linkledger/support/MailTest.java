package io.linkledger.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * Tests with a real SMTP server (GreenMail, in-process) that the application delivers to.
 * All mail tests share one server and one application context, so exactly one outbox worker
 * runs against the shared database; tests tell their mail apart by recipient.
 */
public abstract class MailTest extends ApiTest {

    private static final int SMTP_PORT = freePort();
    private static GreenMail smtp = startSmtp();

    @DynamicPropertySource
    static void mailProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> 2000);
        registry.add("linkledger.mail.poll-interval-ms", () -> 100);
        registry.add("linkledger.mail.retry-base-ms", () -> 300);
        registry.add("linkledger.mail.max-attempts", () -> 3);
    }

    protected static GreenMail smtp() {
        return smtp;
    }

    /** Takes the SMTP server down, so deliveries fail until {@link #startSmtp()}. */
    protected static void stopSmtp() {
        smtp.stop();
    }

    protected static GreenMail startSmtp() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp;
    }

    /** The messages the SMTP server received for this address. */
    protected static List<MimeMessage> receivedBy(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> isFor(m, address)).toList();
    }

    private static boolean isFor(MimeMessage message, String address) {
        try {
            return GreenMailUtil.getAddressList(message.getAllRecipients()).contains(address);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
