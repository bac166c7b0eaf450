package io.linkledger.email;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.linkledger.members.Member;
import io.linkledger.members.Members;
import io.linkledger.shared.Page;
import io.linkledger.shared.ProblemException;

/**
 * The sends of a brand and their delivery logs: how each member's email of a send stands, and
 * "resend the failed ones".
 */
@Service
public class Sends {

    private final SendRepository sends;
    private final OutboxRepository outbox;
    private final Members members;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final boolean delivering;

    Sends(SendRepository sends, OutboxRepository outbox, Members members, TransactionTemplate transactions,
            Clock clock, @Value("${spring.mail.host:}") String smtpHost) {
        this.sends = sends;
        this.outbox = outbox;
        this.members = members;
        this.transactions = transactions;
        this.clock = clock;
        this.delivering = !smtpHost.isBlank();
    }

    /** Whether SMTP is configured; without it, emails wait in the outbox (see {@code OutboxWorker}). */
    public boolean delivering() {
        return delivering;
    }

    public EmailSend get(UUID brandId, UUID sendId) {
        return sends.find(brandId, sendId).orElseThrow(() -> ProblemException.notFound("Send", sendId));
    }

    public Page<EmailSend> ofOffer(UUID brandId, UUID offerId, int limit, int offset) {
        return new Page<>(sends.list(brandId, offerId, null, limit, offset), sends.count(brandId, offerId, null),
                limit, offset);
    }

    public Page<EmailSend> ofProject(UUID brandId, UUID projectId, int limit, int offset) {
        return new Page<>(sends.list(brandId, null, projectId, limit, offset), sends.count(brandId, null, projectId),
                limit, offset);
    }

    /** The send's emails, one per member, by address; only those of {@code status} when it is given. */
    public Page<Delivery> deliveries(UUID brandId, UUID sendId, EmailStatus status, int limit, int offset) {
        get(brandId, sendId);
        OutboxRepository.Filter filter = new OutboxRepository.Filter(null, status, sendId);
        List<OutboxMessage> messages = outbox.ofSend(brandId, filter, limit, offset);
        Map<UUID, String> names = members.getAll(brandId, messages.stream().map(OutboxMessage::memberId).toList())
                .stream().collect(Collectors.toMap(Member::id, Member::name));
        List<Delivery> items = messages.stream()
                .map(m -> new Delivery(m.id(), m.memberId(), names.getOrDefault(m.memberId(), m.to()), m.to(),
                        m.status(), m.attempts(), m.lastError(), m.nextAttemptAt(), m.sentAt()))
                .toList();
        return new Page<>(items, outbox.count(brandId, filter), limit, offset);
    }

    /** Earlier resends of the send, newest first. */
    public List<Resend> resends(UUID brandId, UUID sendId) {
        get(brandId, sendId);
        return sends.resends(sendId);
    }

    /**
     * Puts the send's failed emails back in the queue, with a fresh set of attempts. {@code key}
     * comes from the form (or request) that asked: the same key again answers the first resend
     * and queues nothing, so pressing twice queues once.
     */
    public Resend resendFailed(UUID brandId, UUID sendId, UUID key) {
        get(brandId, sendId);
        if (key == null) {
            throw ProblemException.invalid("key", "is required");
        }
        try {
            return transactions.execute(status -> {
                sends.insertResend(key, sendId, clock.instant());
                int requeued = outbox.requeueFailed(sendId, clock.instant());
                sends.resent(key, requeued);
                return new Resend(requeued, clock.instant(), false);
            });
        } catch (DuplicateKeyException e) {
            SendRepository.ResendRow first = sends.findResend(key).orElseThrow(() -> e);
            if (!first.sendId().equals(sendId)) {
                throw ProblemException.invalid("key", "was used to resend another send's emails");
            }
            return new Resend(first.requeued(), first.at(), true);
        }
    }
}
