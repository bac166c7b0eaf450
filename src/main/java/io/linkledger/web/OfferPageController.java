package io.linkledger.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.linkledger.assignments.Assignment;
import io.linkledger.assignments.Assignments;
import io.linkledger.brands.BrandPrincipal;
import io.linkledger.conversions.IntegrationSetup;
import io.linkledger.conversions.IntegrationType;
import io.linkledger.members.Member;
import io.linkledger.members.Members;
import io.linkledger.offers.Offer;
import io.linkledger.offers.Offers;
import io.linkledger.reporting.MemberRow;
import io.linkledger.reporting.Reports;
import io.linkledger.tracking.ClickSpam;
import io.linkledger.shared.Page;
import io.linkledger.shared.ProblemException;
import io.linkledger.shared.Validation;

/** The offer page: figures, chart and member table for a range, and the integration box with its two forms. */
@Controller
class OfferPageController {

    private static final List<Integer> PRESETS = List.of(7, 30, 90);
    private static final int RECENT = 5;
    private static final int MEMBER_CHOICES = 200;

    private final Reports reports;
    private final Offers offers;
    private final Members members;
    private final Assignments assignments;
    private final OfferLinks links;
    private final IntegrationSetup integrations;
    private final ClickSpam spam;

    OfferPageController(Reports reports, Offers offers, Members members, Assignments assignments, OfferLinks links,
            IntegrationSetup integrations, ClickSpam spam) {
        this.reports = reports;
        this.offers = offers;
        this.members = members;
        this.assignments = assignments;
        this.links = links;
        this.integrations = integrations;
        this.spam = spam;
    }

    @GetMapping("/offers/{id}")
    String page(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam(required = false) Integer range, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir, @RequestParam(required = false) Integer page, Model model) {
        UUID brandId = caller.brandId();
        Offer offer = offers.get(brandId, id);
        OfferPageView.OfferPageRange chosen = range(caller.brandId(), range, from, to);
        var report = reports.offerSummary(brandId, id, chosen.period());
        List<OfferPageView.IntegrationBox> boxes = integrations.feeding(brandId, id).stream()
                .map(i -> new OfferPageView.IntegrationBox(i, integrations.recent(brandId, i.id(), RECENT)))
                .toList();
        model.addAttribute("view", new OfferPageView(offer, chosen, report,
                OfferPageView.chartJson(report, offer.type().hasLink()),
                table(brandId, offer, chosen, sort, dir, page), boxes, memberChoices(brandId, id)));
        model.addAttribute("spamClicks", spam.ofOffer(id, chosen.period().from(), chosen.period().to()).stream()
                .mapToLong(ClickSpam.Flagged::clicks).sum());
        return "console/offer/page";
    }

    /** The member table alone, for htmx sorting and paging. */
    @GetMapping("/offers/{id}/members")
    String members(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam(required = false) Integer range, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir, @RequestParam(required = false) Integer page, Model model) {
        Offer offer = offers.get(caller.brandId(), id);
        model.addAttribute("table", table(caller.brandId(), offer, range(caller.brandId(), range, from, to), sort, dir, page));
        return "console/offer/members";
    }

    @PostMapping("/offers/{id}/integrations")
    String createIntegration(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam(required = false) String type, @RequestParam(required = false) String name,
            RedirectAttributes flash) {
        offers.get(caller.brandId(), id);
        try {
            flash.addFlashAttribute("created", integrations.create(caller.brandId(), integrationType(type), name, null,
                    List.of(id)));
        } catch (ProblemException e) {
            flash.addFlashAttribute("integrationErrors", FormErrors.of(e));
        }
        return "redirect:/offers/" + id + "#integration";
    }

    /** The chosen network; none chosen is for the integrations to refuse. */
    private static IntegrationType integrationType(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        try {
            return IntegrationType.valueOf(type.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("type", "choose one of the listed types");
        }
    }

    @PostMapping("/offers/{id}/test-purchase")
    String testPurchase(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam(required = false) UUID integrationId, @RequestParam(required = false) UUID memberId,
            @RequestParam(required = false) String amount, RedirectAttributes flash) {
        offers.get(caller.brandId(), id);
        try {
            new Validation().check(integrationId != null, "integrationId", "choose an integration")
                    .check(memberId != null, "memberId", "choose a member of this offer")
                    .throwIfInvalid();
            flash.addFlashAttribute("testOutcome", integrations.testPurchase(caller.brandId(), integrationId, id,
                    memberId, amount == null || amount.isBlank() ? null : amount.trim()));
        } catch (ProblemException e) {
            flash.addFlashAttribute("testErrors", FormErrors.of(e));
        }
        return "redirect:/offers/" + id + "#integration";
    }

    /** A preset (30 days unless 7 or 90), or from/to; dates that are not dates fall back and say why. */
    private OfferPageView.OfferPageRange range(UUID brandId, Integer preset, String from, String to) {
        FormErrors errors = FormErrors.NONE;
        boolean custom = (from != null && !from.isBlank()) || (to != null && !to.isBlank());
        if (custom) {
            try {
                return new OfferPageView.OfferPageRange(reports.period(brandId, from, to), null, FormErrors.NONE);
            } catch (ProblemException e) {
                errors = FormErrors.of(e);
            }
        }
        int days = preset != null && PRESETS.contains(preset) ? preset : 30;
        LocalDate today = reports.today(brandId);
        return new OfferPageView.OfferPageRange(new Reports.Period(today.minusDays(days - 1), today), days, errors);
    }

    private OfferPageView.OfferPageTable table(UUID brandId, Offer offer, OfferPageView.OfferPageRange range,
            String sort, String dir, Integer page) {
        Reports.MemberSort by = Reports.MemberSort.COMMISSION;
        if (sort != null) {
            try {
                by = Reports.MemberSort.valueOf(sort.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                // An unknown column in a hand-edited address: keep the default order.
            }
        }
        boolean descending = dir == null ? by != Reports.MemberSort.NAME : !dir.equalsIgnoreCase("asc");
        int pageNumber = page == null || page < 1 ? 1 : page;
        int size = OfferPageView.OfferPageTable.SIZE;
        Page<MemberRow> rows = reports.memberTable(brandId, offer.id(), range.period(), by, descending, size,
                (pageNumber - 1) * size);
        if (rows.items().isEmpty() && pageNumber > 1 && rows.total() > 0) {
            int last = (int) ((rows.total() + size - 1) / size);
            rows = reports.memberTable(brandId, offer.id(), range.period(), by, descending, size, (last - 1) * size);
        }
        return new OfferPageView.OfferPageTable("/offers/" + offer.id(), range, rows, by, descending, offer.currency(),
                offer.type().hasLink(), links.of(offer, rows.items().stream().map(MemberRow::memberId).toList()));
    }

    private List<OfferPageView.MemberChoice> memberChoices(UUID brandId, UUID offerId) {
        List<Assignment> assigned = assignments.list(brandId, offerId, MEMBER_CHOICES, 0).items();
        Map<UUID, Member> byId = members.getAll(brandId, assigned.stream().map(Assignment::memberId).toList()).stream()
                .collect(Collectors.toMap(Member::id, Function.identity()));
        List<OfferPageView.MemberChoice> choices = new ArrayList<>();
        for (Assignment a : assigned) {
            Member m = byId.get(a.memberId());
            if (m != null) {
                choices.add(new OfferPageView.MemberChoice(m.id(), m.name() + " <" + m.email() + ">"));
            }
        }
        return choices;
    }
}
