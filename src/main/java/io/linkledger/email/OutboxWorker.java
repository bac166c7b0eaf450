package io.linkledger.email;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Delivers the outbox over SMTP. A failed attempt is retried with exponential backoff; after
 * the last attempt the message is FAILED with the reason, never dropped. Runs only when SMTP
 * is configured ({@code spring.mail.host}); otherwise messages stay queued in the outbox.
 */
@Component
@ConditionalOnProperty("spring.mail.host")
class OutboxWorker {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);
    private static final int BATCH = 20;
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);
    private static final Duration STALE_CLAIM = Duration.ofMinutes(5);

    private final OutboxRepository outbox;
    private final JavaMailSender sender;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final BrandSender senders;
    private final Duration retryBase;
    private final int maxAttempts;

    OutboxWorker(OutboxRepository outbox, JavaMailSender sender, ApplicationEventPublisher events, Clock clock,
            BrandSender senders,
            @Value("${linkledger.mail.retry-base-ms}") long retryBaseMs,
            @Value("${linkledger.mail.max-attempts}") int maxAttempts) {
        this.outbox = outbox;
        this.sender = sender;
        this.events = events;
        this.clock = clock;
        this.senders = senders;
        this.retryBase = Duration.ofMillis(retryBaseMs);
        this.maxAttempts = maxAttempts;
    }

    @Scheduled(fixedDelayString = "${linkledger.mail.poll-interval-ms}")
    @SchedulerLock(name = "email-outbox",
            lockAtMostFor = "${linkledger.jobs.email-outbox.lock-at-most-for:${linkledger.jobs.lock-at-most-for:PT10M}}")
    void deliverDue() {
        outbox.releaseStale(clock.instant().minus(STALE_CLAIM));
        List<OutboxMessage> batch;
        do {
            batch = outbox.claimDue(clock.instant(), BATCH);
            batch.forEach(this::deliver);
        } while (batch.size() == BATCH);
    }

    private void deliver(OutboxMessage message) {
        int attempt = message.attempts() + 1;
        try {
            sender.send(mime(message));
            outbox.markSent(message.id(), attempt, clock.instant());
            events.publishEvent(new EmailDelivered(message.id(), message.category()));
        } catch (MailException | MessagingException e) {
            String reason = reason(e);
            if (attempt >= maxAttempts) {
                log.warn("Email {} failed for good after {} attempts: {}", message.id(), attempt, reason);
                outbox.markFailedAttempt(message.id(), EmailStatus.FAILED, attempt, reason, clock.instant());
            } else {
                Duration backoff = retryBase.multipliedBy(1L << Math.min(attempt - 1, 20));
                Instant next = clock.instant().plus(backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff);
                log.info("Email {} attempt {} failed, retrying at {}: {}", message.id(), attempt, next, reason);
                outbox.markFailedAttempt(message.id(), EmailStatus.QUEUED, attempt, reason, next);
            }
        }
    }

    private MimeMessage mime(OutboxMessage message) throws MessagingException {
        MimeMessage mime = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, true, StandardCharsets.UTF_8.name());
        BrandSender.Addresses addresses = senders.of(message.brandId());
        helper.setFrom(addresses.from());
        if (addresses.replyTo() != null) {
            helper.setReplyTo(addresses.replyTo());
        }
        helper.setTo(message.to());
        helper.setSubject(message.subject());
        helper.setText(message.text(), message.html());
        mime.setHeader("X-Linkledger-Message-Id", message.id().toString());
        return mime;
    }

    private static String reason(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage().strip());
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }
}
