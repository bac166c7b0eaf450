package io.linkledger.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.linkledger.brands.BrandPrincipal;
import io.linkledger.conversions.IntegrationSetup;
import io.linkledger.conversions.IntegrationType;
import io.linkledger.members.Member;
import io.linkledger.members.Members;
import io.linkledger.offers.Offer;
import io.linkledger.offers.Offers;
import io.linkledger.reporting.MemberRow;
import io.linkledger.reporting.Reports;
import io.linkledger.shared.Csv;
import io.linkledger.shared.FieldIssue;
import io.linkledger.shared.Page;
import io.linkledger.shared.ProblemException;
import io.linkledger.assignments.Assignment;
import io.linkledger.assignments.Assignments;

/** The offer page: figures, chart, member table and CSV, and the integration box. */
@Controller
class OfferPageController {

    static final int CSV_PAGE = 1000;
    private static final int RECENT = 5;
    private static final int MEMBER_CHOICES = 200;

    private final Reports reports;
    private final Offers offers;
    private final Members members;
    private final Assignments assignments;
    private final IntegrationSetup integrations;
    private final Clock clock;

    OfferPageController(Reports reports, Offers offers, Members members, Assignments assignments,
            IntegrationSetup integrations, Clock clock) {
        this.reports = reports;
        this.offers = offers;
        this.members = members;
        this.assignments = assignments;
        this.integrations = integrations;
        this.clock = clock;
    }

    @GetMapping("/offers/{id}")
    String page(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam(required = false) Integer range, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir, @RequestParam(required = false) Integer page, Model model) {
        UUID brandId = caller.brandId();
        Offer offer = offers.get(brandId, id);
        Map<String, String> rangeErrors = new LinkedHashMap<>();
        OfferPageView.OfferPageRange chosen = range(range, from, to, rangeErrors);
        var report = reports.offerSummary(brandId, id, chosen.period());
        List<OfferPageView.IntegrationBox> boxes = integrations.list(brandId).stream()
                .map(i -> new OfferPageView.IntegrationBox(i, integrations.recent(brandId, i.id(), RECENT)))
                .toList();
        model.addAttribute("view", new OfferPageView(offer, chosen, rangeErrors, report,
                OfferPageView.chartJson(report), table(brandId, offer, chosen, sort, dir, page), boxes,
                memberChoices(brandId, id)));
        return "console/offer/page";
    }

    /** The member table alone, for htmx sorting and paging. */
    @GetMapping("/offers/{id}/members")
    String members(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam(required = false) Integer range, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir, @RequestParam(required = false) Integer page, Model model) {
        Offer offer = offers.get(caller.brandId(), id);
        OfferPageView.OfferPageRange chosen = range(range, from, to, new HashMap<>());
        model.addAttribute("table", table(caller.brandId(), offer, chosen, sort, dir, page));
        return "console/offer/members";
    }

    /** Every row of the member table, written 1,000 rows at a time as they are read: never all in the response. */
    @GetMapping("/offers/{id}/members.csv")
    void csv(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            HttpServletResponse response) throws IOException {
        UUID brandId = caller.brandId();
        Offer offer = offers.get(brandId, id);
        Reports.Period period = reports.period(from, to);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + slug(offer.name()) + "-members-"
                + period.from() + "-to-" + period.to() + ".csv\"");
        PrintWriter out = response.getWriter();
        out.print("member_id,name,email,clicks,unique_clicks,conversions,sales,commission,epc,currency\r\n");
        String currency = offer.currency().getCurrencyCode();
        try {
            reports.eachMemberRows(brandId, id, period, CSV_PAGE, rows -> {
                for (MemberRow r : rows) {
                    out.print(String.join(",", Csv.field(r.memberId().toString()), Csv.field(r.name()),
                            Csv.field(r.email()), Csv.field(Long.toString(r.clicks())),
                            Csv.field(Long.toString(r.uniqueClicks())), Csv.field(Long.toString(r.conversions())),
                            Csv.field(r.sales().toDecimalString()), Csv.field(r.commission().toDecimalString()),
                            Csv.field(r.epc()), Csv.field(currency)));
                    out.print("\r\n");
                }
                // Each chunk goes to the client before the next is read: the response never holds them all.
                out.flush();
                if (out.checkError()) {
                    throw new UncheckedIOException(new IOException("client closed the download"));
                }
            });
        } catch (UncheckedIOException closed) {
            // The browser went away mid-download; nothing more to send.
        }
    }

    @PostMapping("/offers/{id}/integrations")
    String createIntegration(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam(required = false) String type, @RequestParam(required = false) String name,
            RedirectAttributes flash) {
        offers.get(caller.brandId(), id);
        try {
            IntegrationType kind = type == null || type.isBlank() ? null
                    : IntegrationType.valueOf(type.trim().toUpperCase(Locale.ROOT));
            flash.addFlashAttribute("created", integrations.create(caller.brandId(), kind, name));
        } catch (ProblemException e) {
            flash.addFlashAttribute("integrationErrors", errors(e));
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("integrationErrors", Map.of("type", "choose one of the listed types"));
        }
        return "redirect:/offers/" + id + "#integration";
    }

    @PostMapping("/offers/{id}/test-purchase")
    String testPurchase(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam(required = false) UUID integrationId, @RequestParam(required = false) UUID memberId,
            @RequestParam(required = false) String amount, RedirectAttributes flash) {
        offers.get(caller.brandId(), id);
        Map<String, String> problems = new LinkedHashMap<>();
        if (integrationId == null) {
            problems.put("integrationId", "choose an integration");
        }
        if (memberId == null) {
            problems.put("memberId", "choose a member of this offer");
        }
        if (problems.isEmpty()) {
            try {
                flash.addFlashAttribute("testOutcome", integrations.testPurchase(caller.brandId(), integrationId, id,
                        memberId, amount == null || amount.isBlank() ? null : amount.trim()));
            } catch (ProblemException e) {
                problems.putAll(errors(e));
            }
        }
        if (!problems.isEmpty()) {
            flash.addFlashAttribute("testErrors", problems);
        }
        return "redirect:/offers/" + id + "#integration";
    }

    /** Field messages by field; a problem without fields goes under "". */
    static Map<String, String> errors(ProblemException e) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (FieldIssue issue : e.fieldIssues()) {
            byField.merge(issue.field(), issue.message(), (a, b) -> a + "; " + b);
        }
        if (byField.isEmpty()) {
            byField.put("", e.getMessage());
        }
        return byField;
    }

    private OfferPageView.OfferPageRange range(Integer preset, String from, String to, Map<String, String> errors) {
        boolean custom = (from != null && !from.isBlank()) || (to != null && !to.isBlank());
        if (custom) {
            try {
                return new OfferPageView.OfferPageRange(reports.period(from, to), null);
            } catch (ProblemException e) {
                errors.putAll(errors(e));
            }
        }
        int days = preset != null && List.of(7, 30, 90).contains(preset) ? preset : 30;
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return new OfferPageView.OfferPageRange(reports.period(today.minusDays(days - 1).toString(), today.toString()),
                days);
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
        return new OfferPageView.OfferPageTable("/offers/" + offer.id(), range, rows, by, descending, offer.currency());
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

    private static String slug(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "offer" : slug.length() > 60 ? slug.substring(0, 60) : slug;
    }
}
