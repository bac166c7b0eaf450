package io.linkledger.email;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.linkledger.shared.Ids;
import io.linkledger.shared.Page;
import io.linkledger.shared.ProblemException;

/**
 * Queues email in the transactional outbox. Call it inside the transaction that decided to
 * send: if that rolls back, no email goes out; if it commits, the email will be delivered.
 */
@Service
public class Mailer {

    private final OutboxRepository outbox;
    private final Ids ids;
    private final Clock clock;

    public Mailer(OutboxRepository outbox, Ids ids, Clock clock) {
        this.outbox = outbox;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public UUID queue(OutgoingEmail email) {
        return queueAll(List.of(email)).getFirst();
    }

    @Transactional
    public List<UUID> queueAll(List<OutgoingEmail> emails) {
        return queueAll(null, emails);
    }

    /** Queues the emails of a send, so its delivery log lists them. */
    @Transactional
    List<UUID> queueAll(UUID sendId, List<OutgoingEmail> emails) {
        List<OutboxRepository.Row> rows = emails.stream().map(e -> new OutboxRepository.Row(ids.next(), e)).toList();
        outbox.insertAll(sendId, rows, clock.instant());
        return rows.stream().map(OutboxRepository.Row::id).toList();
    }

    /**
     * Replaces every match of {@code secret} in the stored copy of a message, for a secret (a
     * sign-in link) that must not outlive its use. Whatever was already delivered is unchanged.
     */
    @Transactional
    public void redact(UUID messageId, Pattern secret, String replacement) {
        String literal = Matcher.quoteReplacement(replacement);
        outbox.rewriteBodies(messageId, body -> secret.matcher(body).replaceAll(literal));
    }

    /** The delivery log of a brand, newest first; optionally one member's, one status or one send's. */
    public Page<OutboxMessage> log(UUID brandId, UUID memberId, EmailStatus status, UUID sendId, int limit,
            int offset) {
        OutboxRepository.Filter filter = new OutboxRepository.Filter(memberId, status, sendId);
        return new Page<>(outbox.list(brandId, filter, limit, offset), outbox.count(brandId, filter), limit, offset);
    }

    public OutboxMessage get(UUID brandId, UUID messageId) {
        return outbox.find(messageId)
                .filter(message -> brandId.equals(message.brandId()))
                .orElseThrow(() -> ProblemException.notFound("Email", messageId));
    }
}
