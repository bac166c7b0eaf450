package io.linkledger.email;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.linkledger.brands.Brands;
import io.linkledger.jobs.Jobs;
import io.linkledger.members.Member;
import io.linkledger.members.Members;
import io.linkledger.offers.Offer;
import io.linkledger.offers.Offers;
import io.linkledger.projects.Projects;
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
    private final TransactionTemplate transactions;

    MemberEmails(Templates templates, Mailer mailer, Offers offers, Members members, Projects projects,
            Assignments assignments, Brands brands, PublicUrls urls, Jobs jobs, TransactionTemplate transactions) {
        this.templates = templates;
        this.mailer = mailer;
        this.offers = offers;
        this.members = members;
        this.projects = projects;
        this.assignments = assignments;
        this.brands = brands;
        this.urls = urls;
        this.jobs = jobs;
        this.transactions = transactions;
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

    public record Sending(UUID jobId, int total) {
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

    public Sending send(UUID brandId, UUID offerId, EmailRequest request) {
        Composer composer = composer(brandId, offerId, request);
        List<UUID> recipients = recipients(brandId, composer.offer, request);
        UUID jobId = jobs.start(brandId, "email-members", recipients.size(), progress -> {
            int queued = 0;
            for (int from = 0; from < recipients.size(); from += CHUNK) {
                List<UUID> chunk = recipients.subList(from, Math.min(recipients.size(), from + CHUNK));
                queued += transactions.execute(status -> mailer.queueAll(composer.compose(chunk)).size());
                progress.advance(chunk.size());
            }
            return Map.of("queued", queued);
        });
        return new Sending(jobId, recipients.size());
    }

    private Composer composer(UUID brandId, UUID offerId, EmailRequest request) {
        Offer offer = offers.get(brandId, offerId);
        TemplateKind kind = request.kind() != null ? request.kind()
                : hasSelection(request) ? TemplateKind.SALES_TRACKING_ITEMS : TemplateKind.DASHBOARD_LINKS;
        EmailTemplate template = request.template() != null ? request.template() : templates.get(brandId, kind);
        Templates.validate(template);
        String brandName = brands.find(brandId).orElseThrow().name();
        return new Composer(offer, template, brandName, kind);
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
        private final EmailTemplate template;
        private final String brandName;
        private final TemplateKind kind;

        Composer(Offer offer, EmailTemplate template, String brandName, TemplateKind kind) {
            this.offer = offer;
            this.template = template;
            this.brandName = brandName;
            this.kind = kind;
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
            return new OutgoingEmail(offer.brandId(), member.id(), kind.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    member.email(), Personalisation.render(template.subject(), values, false),
                    Personalisation.render(template.html(), values, true),
                    Personalisation.render(template.text(), values, false));
        }
    }
}
