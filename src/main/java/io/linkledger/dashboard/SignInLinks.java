package io.linkledger.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import io.linkledger.email.EmailDelivered;
import io.linkledger.email.Mailer;
import io.linkledger.email.OutgoingEmail;
import io.linkledger.members.Member;
import io.linkledger.members.Members;
import io.linkledger.shared.PublicUrls;
import io.linkledger.shared.Tokens;

/**
 * Creator Portal magic links: 256 random bits, stored only as a SHA-256 hash, good for one
 * sign-in within {@code linkledger.portal.sign-in-link-ttl} (15 minutes). The token is in the
 * emailed URL and, until the email is delivered, in the outbox's copy of it; that copy loses the
 * token as soon as the email is delivered, the link is used or it expires. Never logged.
 */
@Service
class SignInLinks {

    static final String EMAIL_CATEGORY = "portal-sign-in";
    private static final int TOKEN_BYTES = 32;
    private static final Pattern TOKEN_IN_LINK = Pattern.compile("(?<=/portal/sign-in/)[A-Za-z0-9_-]+");
    private static final String REDACTED = "REMOVED";

    private final SignInLinkRepository repository;
    private final Members members;
    private final Mailer mailer;
    private final Tokens tokens;
    private final PublicUrls urls;
    private final TemplateEngine templates;
    private final Clock clock;
    private final Duration ttl;

    SignInLinks(SignInLinkRepository repository, Members members, Mailer mailer, Tokens tokens, PublicUrls urls,
            TemplateEngine templates, Clock clock,
            @Value("${linkledger.portal.sign-in-link-ttl:PT15M}") Duration ttl) {
        this.repository = repository;
        this.members = members;
        this.mailer = mailer;
        this.tokens = tokens;
        this.urls = urls;
        this.templates = templates;
        this.clock = clock;
        this.ttl = ttl;
    }

    enum State {
        VALID, EXPIRED, USED, UNKNOWN
    }

    /**
     * Queues a sign-in link when the address belongs to a member of any brand, and does nothing
     * otherwise: the caller answers the same either way, so nobody learns who is a member.
     */
    @Transactional
    void request(String email) {
        List<Member> found = members.findByEmailAcrossBrands(email);
        if (found.isEmpty()) {
            return;
        }
        String token = tokens.urlSafe(TOKEN_BYTES);
        Instant now = clock.instant();
        Member member = found.getFirst();
        String link = urls.absolute("/portal/sign-in/" + token);
        long minutes = ttl.toMinutes();
        StringOutput html = new StringOutput();
        templates.render("portal/sign-in-email.jte",
                Map.of("firstName", member.firstName(), "link", link, "minutes", minutes), html);
        String text = "Hi " + member.firstName() + ",\n\n"
                + "Open this link to sign in to the Creator Portal and see all your offers:\n\n" + link + "\n\n"
                + "The link works once and expires in " + minutes + " minutes. "
                + "If you did not ask for it, ignore this email.\n";
        UUID emailId = mailer.queue(new OutgoingEmail(null, null, EMAIL_CATEGORY, member.email(),
                "Your Creator Portal sign-in link", html.toString(), text));
        repository.insert(Tokens.sha256(token), emailKey(email), emailId, now, now.plus(ttl));
    }

    State check(String token) {
        return repository.find(Tokens.sha256(token))
                .map(link -> link.usedAt() != null ? State.USED
                        : link.expiresAt().isAfter(clock.instant()) ? State.VALID : State.EXPIRED)
                .orElse(State.UNKNOWN);
    }

    /** Uses the link up; the email address it signs in, or empty when it is unknown, used or expired. */
    @Transactional
    Optional<String> use(String token) {
        String hash = Tokens.sha256(token);
        if (!repository.use(hash, clock.instant())) {
            return Optional.empty();
        }
        Optional<SignInLinkRepository.Link> link = repository.find(hash);
        link.map(SignInLinkRepository.Link::emailId).ifPresent(this::redact);
        return link.map(SignInLinkRepository.Link::emailKey);
    }

    /** A delivered sign-in email needs no stored copy of its link any more. */
    @EventListener
    @Transactional
    void delivered(EmailDelivered delivered) {
        if (EMAIL_CATEGORY.equals(delivered.category())) {
            redact(delivered.messageId());
        }
    }

    /** The scheduler's entry, one node at a time; a direct call of {@link #redactDeadLinks()} is not locked and always runs. */
    @Scheduled(fixedDelayString = "${linkledger.portal.redact-interval:PT1M}")
    @Transactional
    @SchedulerLock(name = "portal-link-redaction",
            lockAtMostFor = "${linkledger.jobs.portal-link-redaction.lock-at-most-for:${linkledger.jobs.lock-at-most-for:PT10M}}")
    void redactDeadLinksOnSchedule() {
        redactDeadLinks();
    }

    /** Takes expired (and any used) links out of the emails that still hold them. */
    @Transactional
    void redactDeadLinks() {
        List<UUID> emails;
        do {
            emails = repository.unredactedEmailsOfDeadLinks(clock.instant(), 100);
            emails.forEach(this::redact);
        } while (emails.size() == 100);
    }

    private void redact(UUID emailId) {
        if (emailId != null && repository.markRedacted(emailId, clock.instant())) {
            mailer.redact(emailId, TOKEN_IN_LINK, REDACTED);
        }
    }

    static String emailKey(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
