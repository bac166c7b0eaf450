package io.linkledger.email;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.linkledger.brands.Brands;
import io.linkledger.jobs.Jobs;
import io.linkledger.members.Member;
import io.linkledger.members.Members;
import io.linkledger.offers.Offer;
import io.linkledger.offers.Offers;
import io.linkledger.projects.Projects;
import io.linkledger.shared.Ids;
import io.linkledger.shared.Page;
import io.linkledger.shared.ProblemException;
import io.linkledger.shared.PublicUrls;
import io.linkledger.assignments.Assignment;
import io.linkledger.assignments.Assignments;
import io.linkledger.assignments.PayoutTerms;

/**
 * "Send Sales Tracking Items" and "Email Members": one personalised email per member of an
 * offer, previewed before it is sent, and queued in the outbox by a job that shows progress.
 */
@Service
public class MemberEmails {

    private static final int CHUNK = 200;

    private final Templates templates;
    private final Mailer mailer;
    private final Offers offers;
    private final Members members;
    private final Projects projects;
    private final Assignments assignments;
    private final Brands brands;
    private final PublicUrls urls;
    private final Jobs jobs;
    private final SendRepository sends;
    private final TransactionTemplate transactions;
    private final Ids ids;
    private final Clock clock;

    MemberEmails(Templates templates, Mailer mailer, Offers offers, Members members, Projects projects,
            Assignments assignments, Brands brands, PublicUrls urls, Jobs jobs, SendRepository sends,
            TransactionTemplate transactions, Ids ids, Clock clock) {
        this.templates = templates;
        this.mailer = mailer;
        this.offers = offers;
        this.members = members;
        this.projects = projects;
        this.assignments = assignments;
        this.brands = brands;
        this.urls = urls;
        this.jobs = jobs;
        this.sends = sends;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Who and what: a project's members (or the listed ones of them), listed members, or every
     * member of the offer when neither is given; the brand's saved template of {@code kind}, or {@code template}
     * as edited for this sending.
     */
    public record EmailRequest(TemplateKind kind, List<UUID> memberIds, UUID projectId, EmailTemplate template) {
    }

    public record Preview(UUID memberId, String to, String subject, String html, String text) {
    }

    /**
     * A send that was started: its job queues the {@code total} emails. {@code repeated} when the
     * key had already started this send, which then was not started again.
     */
    public record Sending(UUID sendId, UUID jobId, int total, boolean repeated) {
    }

    public Page<Preview> preview(UUID brandId, UUID offerId, EmailRequest request, int limit, int offset) {
        Composer composer = composer(brandId, offerId, request);
        List<UUID> recipients = recipients(brandId, composer.offer, request);
        List<UUID> page = recipients.subList(Math.min(offset, recipients.size()),
                Math.min(recipients.size(), offset + limit));
        List<Preview> items = composer.compose(page).stream()
                .map(e -> new Preview(e.memberId(), e.to(), e.subject(), e.html(), e.text()))
                .toList();
        return new Page<>(items, recipients.size(), limit, offset);
    }

    /** How many members a sending would reach, checked as {@link #send} checks it. */
    public int recipientCount(UUID brandId, UUID offerId, EmailRequest request) {
        return recipients(brandId, offers.get(brandId, offerId), request).size();
    }

    /**
     * Starts a send: a job that queues one email per member in the outbox. {@code key} identifies
     * the send (a form's or request's key; null for a new one): a key that already started a send
     * answers that send and sends nothing again.
     */
    public Sending send(UUID brandId, String actor, UUID offerId, EmailRequest request, UUID key) {
        Composer composer = composer(brandId, offerId, request);
        UUID sendId = key != null ? key : ids.next();
        Optional<EmailSend> earlier = sends.find(brandId, sendId);
        if (earlier.isPresent()) {
            return repeated(earlier.get(), offerId);
        }
        List<UUID> recipients = recipients(brandId, composer.offer, request);
        try {
            sends.insert(new SendRepository.NewSend(sendId, brandId, offerId, request.projectId(), composer.kind,
                    composer.subject, recipients.size(), actor), clock.instant());
        } catch (DuplicateKeyException e) {
            return repeated(sends.find(brandId, sendId)
                    .orElseThrow(() -> ProblemException.conflict("This key was already used for another send")), offerId);
        }
        UUID jobId = jobs.start(brandId, "email-members", recipients.size(), progress -> {
            int queued = 0;
            for (int from = 0; from < recipients.size(); from += CHUNK) {
                List<UUID> chunk = recipients.subList(from, Math.min(recipients.size(), from + CHUNK));
                queued += transactions.execute(status -> mailer.queueAll(sendId, composer.compose(chunk)).size());
                progress.advance(chunk.size());
            }
            return Map.of("queued", queued, "sendId", sendId);
        });
        sends.started(sendId, jobId);
        return new Sending(sendId, jobId, recipients.size(), false);
    }

    private static Sending repeated(EmailSend earlier, UUID offerId) {
        if (!earlier.offerId().equals(offerId)) {
            throw ProblemException.invalid("key", "already started a send for another offer");
        }
        return new Sending(earlier.id(), earlier.jobId(), earlier.total(), true);
    }

    private Composer composer(UUID brandId, UUID offerId, EmailRequest request) {
        Offer offer = offers.get(brandId, offerId);
        TemplateKind kind = request.kind() != null ? request.kind()
                : hasSelection(request) ? TemplateKind.SALES_TRACKING_ITEMS : TemplateKind.DASHBOARD_LINKS;
        String brandName = brands.find(brandId).orElseThrow().name();
        if (request.template() != null) {
            EmailTemplate edited = request.template();
            Templates.validate(kind, edited);
            return new Composer(offer, kind, edited.subject(), values -> MarkdownEmail.render(edited, values),
                    brandName);
        }
        BrandTemplate saved = templates.get(brandId, kind, offer.type());
        return new Composer(offer, kind, saved.template().subject(), saved::render, brandName);
    }

    private static boolean hasSelection(EmailRequest request) {
        return request.projectId() != null || (request.memberIds() != null && !request.memberIds().isEmpty());
    }

    /** Member ids to email, in a stable order; every one must be assigned to the offer. */
    private List<UUID> recipients(UUID brandId, Offer offer, EmailRequest request) {
        if (!hasSelection(request)) {
            List<UUID> all = new ArrayList<>();
            for (int offset = 0; ; offset += Page.MAX_LIMIT) {
                List<Assignment> page = assignments.list(brandId, offer.id(), Page.MAX_LIMIT, offset).items();
                // A revoked dashboard link is not sent around again by "Email Members".
                page.stream().filter(a -> a.dashboardToken() != null).forEach(a -> all.add(a.memberId()));
                if (page.size() < Page.MAX_LIMIT) {
                    break;
                }
            }
            if (all.isEmpty()) {
                throw ProblemException.conflict("Offer " + offer.id() + " has no members yet; assign members first");
            }
            return all;
        }
        List<UUID> ids = request.projectId() != null
                ? projects.select(brandId, request.projectId(), request.memberIds())
                : request.memberIds().stream().distinct().toList();
        Set<UUID> assigned = new HashSet<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            assignments.forMembers(brandId, offer.id(), ids.subList(from, Math.min(ids.size(), from + CHUNK)))
                    .forEach(a -> assigned.add(a.memberId()));
        }
        List<String> missing = ids.stream().filter(id -> !assigned.contains(id)).limit(10).map(UUID::toString).toList();
        if (!missing.isEmpty()) {
            throw ProblemException.invalid("memberIds", "not in this offer yet (generate their link or code first): "
                    + String.join(", ", missing));
        }
        return ids;
    }

    /** Renders one offer's template for members; holds what every email of a sending shares. */
    private final class Composer {

        private final Offer offer;
        private final TemplateKind kind;
        private final String subject;
        private final Function<Map<String, String>, RenderedEmail> template;
        private final String brandName;

        Composer(Offer offer, TemplateKind kind, String subject, Function<Map<String, String>, RenderedEmail> template,
                String brandName) {
            this.offer = offer;
            this.kind = kind;
            this.subject = subject;
            this.template = template;
            this.brandName = brandName;
        }

        List<OutgoingEmail> compose(List<UUID> memberIds) {
            Map<UUID, Member> byId = members.getAll(offer.brandId(), memberIds).stream()
                    .collect(Collectors.toMap(Member::id, Function.identity()));
            Map<UUID, Assignment> assigned = assignments.forMembers(offer.brandId(), offer.id(), memberIds).stream()
                    .collect(Collectors.toMap(Assignment::memberId, Function.identity()));
            return memberIds.stream().map(id -> email(byId.get(id), assigned.get(id))).toList();
        }

        private OutgoingEmail email(Member member, Assignment assignment) {
            Map<String, String> values = new HashMap<>();
            values.put("member.first_name", member.firstName());
            values.put("member.name", member.name());
            values.put("offer.name", offer.name());
            values.put("offer.commission", PayoutTerms.of(offer, assignment).describe(offer.conversionType()));
            values.put("brand.name", brandName);
            if (assignment.dashboardToken() != null) {
                values.put("dashboard_link", urls.dashboardLink(assignment.dashboardToken()));
            }
            if (offer.type().hasLink()) {
                values.put("link", urls.trackingLink(assignment.linkCode()));
            }
            if (offer.type().hasCode() && assignment.promoCode() != null) {
                values.put("promo_code", assignment.promoCode());
            }
            RenderedEmail email = template.apply(values);
            return new OutgoingEmail(offer.brandId(), member.id(), kind.category(), member.email(), email.subject(),
                    email.html(), email.text());
        }
    }
}
