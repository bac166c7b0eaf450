package io.linkledger.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import io.linkledger.brands.BrandPrincipal;
import io.linkledger.conversions.Conversion;
import io.linkledger.conversions.ConversionStatus;
import io.linkledger.conversions.Conversions;
import io.linkledger.conversions.Hold;
import io.linkledger.conversions.Integrations;
import io.linkledger.conversions.ReportImport;
import io.linkledger.members.Member;
import io.linkledger.members.Members;
import io.linkledger.offers.Offer;
import io.linkledger.offers.Offers;
import io.linkledger.shared.Page;
import io.linkledger.shared.ProblemException;
import io.linkledger.web.ConversionsPageView.Filter;
import io.linkledger.web.ConversionsPageView.Option;
import io.linkledger.web.ConversionsPageView.Outcome;
import io.linkledger.web.ConversionsPageView.Row;

/**
 * Conversions: filter by status (held for review among them), offer and member; approve, release
 * (held ones) or reverse a selection, with the rules that held each shown; start the
 * import of a network report (its progress and findings are {@link ReportImportPageController}'s).
 */
@Controller
class ConversionsPageController {

    private static final int PAGE_SIZE = 50;
    private static final int CHOICES = 500;
    private static final long MAX_REPORT_BYTES = 20L * 1024 * 1024;
    private static final Set<String> BULK_ACTIONS = Set.of("approve", "reverse", "release", "release-approve");

    private final Conversions conversions;
    private final Offers offers;
    private final Members members;
    private final Integrations integrations;
    private final ReportImport reports;

    ConversionsPageController(Conversions conversions, Offers offers, Members members, Integrations integrations,
            ReportImport reports) {
        this.conversions = conversions;
        this.offers = offers;
        this.members = members;
        this.integrations = integrations;
        this.reports = reports;
    }

    @GetMapping("/conversions")
    String list(@AuthenticationPrincipal BrandPrincipal caller, @RequestParam(defaultValue = "") String status,
            @RequestParam(defaultValue = "") String offer, @RequestParam(defaultValue = "") String member,
            @RequestParam(required = false) Integer offset, Model model) {
        return page(caller, new Filter(status, offer, member), offset, null, null, null, model);
    }

    @PostMapping("/conversions/bulk")
    String bulk(@AuthenticationPrincipal BrandPrincipal caller, @RequestParam(defaultValue = "") String status,
            @RequestParam(defaultValue = "") String offer, @RequestParam(defaultValue = "") String member,
            @RequestParam(required = false) List<String> id, @RequestParam String action,
            @RequestParam(required = false) String reason, HttpServletResponse response, Model model) {
        Filter filter = new Filter(status, offer, member);
        List<UUID> ids = id == null ? List.of() : id.stream().map(ConversionsPageController::uuid)
                .filter(u -> u != null).distinct().toList();
        if (ids.isEmpty() || !BULK_ACTIONS.contains(action)) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(caller, filter, 0, null, null,
                    "Select at least one conversion, then approve, release or reverse.", model);
        }
        Conversions.BulkOutcome outcome = switch (action) {
            case "approve" -> conversions.bulk(caller.brandId(), ids, true, null);
            case "release" -> conversions.releaseAll(caller.brandId(), ids, ConversionStatus.PENDING);
            case "release-approve" -> conversions.releaseAll(caller.brandId(), ids, ConversionStatus.APPROVED);
            default -> conversions.bulk(caller.brandId(), ids, false, reason);
        };
        Map<UUID, String> skipped = outcome.skipped().stream()
                .collect(Collectors.toMap(Conversions.Skipped::id, Conversions.Skipped::reason, (a, b) -> a));
        String done = ConversionsPageView.BulkResult.pastTense(action);
        List<Outcome> outcomes = ids.stream().map(i -> skipped.containsKey(i)
                ? new Outcome(i, what(caller.brandId(), i), false, skipped.get(i))
                : new Outcome(i, what(caller.brandId(), i), true,
                        Character.toUpperCase(done.charAt(0)) + done.substring(1))).toList();
        return page(caller, filter, 0, new ConversionsPageView.BulkResult(action, outcomes, outcome.changed().size()),
                null, null, model);
    }

    @PostMapping("/conversions/imports")
    String startImport(@AuthenticationPrincipal BrandPrincipal caller, @RequestParam(required = false) String integration,
            @RequestParam(required = false) MultipartFile report, HttpServletResponse response, Model model)
            throws java.io.IOException {
        String error = null;
        UUID integrationId = uuid(integration);
        if (integrationId == null) {
            error = "Choose the integration the report comes from.";
        } else if (report == null || report.isEmpty()) {
            error = "Choose the report's CSV file.";
        } else if (report.getSize() > MAX_REPORT_BYTES) {
            error = "The report is larger than 20 MB; split it by date range.";
        }
        if (error == null) {
            try {
                UUID jobId = reports.start(caller.brandId(), integrationId,
                        new String(report.getBytes(), StandardCharsets.UTF_8), Map.of());
                return "redirect:/conversions/imports/" + jobId;
            } catch (ProblemException e) {
                error = FormErrors.of(e).summary();
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(caller, new Filter("", "", ""), 0, null, "The report was not imported: " + error, null, model);
    }

    private String page(BrandPrincipal caller, Filter filter, Integer offset, ConversionsPageView.BulkResult bulk,
            String importError, String bulkError, Model model) {
        UUID brandId = caller.brandId();
        ConversionStatus status = Arrays.stream(ConversionStatus.values())
                .filter(s -> s.name().equals(filter.status())).findFirst().orElse(null);
        UUID offerId = uuid(filter.offer());
        UUID memberId = uuid(filter.member());
        Filter shown = new Filter(status == null ? "" : status.name(), offerId == null ? "" : offerId.toString(),
                memberId == null ? "" : memberId.toString());
        Page<Conversion> found = conversions.list(brandId, offerId, memberId, status, PAGE_SIZE,
                Page.offset(offset));
        List<Offer> offerList = offers.list(brandId, null, CHOICES, 0).items();
        List<Member> memberList = members.list(brandId, null, CHOICES, 0).items();
        Map<UUID, String> offerNames = offerList.stream().collect(Collectors.toMap(Offer::id, Offer::name));
        Map<UUID, String> memberNames = new java.util.HashMap<>(memberList.stream()
                .collect(Collectors.toMap(Member::id, Member::name)));
        Set<UUID> unknown = new HashSet<>();
        for (Conversion c : found.items()) {
            if (c.credit().memberId() != null && !memberNames.containsKey(c.credit().memberId())) {
                unknown.add(c.credit().memberId());
            }
        }
        if (!unknown.isEmpty()) {
            members.getAll(brandId, unknown).forEach(m -> memberNames.put(m.id(), m.name()));
        }
        List<Option> statuses = new ArrayList<>();
        for (ConversionStatus s : ConversionStatus.values()) {
            statuses.add(new Option(s.name(), Statuses.label(s)));
        }
        Map<UUID, List<Hold>> holds = conversions.holds(found.items().stream().map(Conversion::id).toList());
        model.addAttribute("page", new ConversionsPageView.ListPage(shown, statuses,
                offerList.stream().map(o -> new Option(o.id().toString(), o.name())).toList(),
                memberList.stream().map(m -> new Option(m.id().toString(), m.name())).toList(),
                found.map(c -> new Row(c, offerNames.getOrDefault(c.credit().offerId(), "—"),
                        c.credit().memberId() == null ? "—"
                                : memberNames.getOrDefault(c.credit().memberId(), c.credit().memberId().toString()),
                        holds.getOrDefault(c.id(), List.of()))),
                bulk, integrations.list(brandId), importError, bulkError));
        return "console/conversions/list";
    }

    /** A conversion as the brand knows it: its order number, else its network and date; another brand's is just an id. */
    private String what(UUID brandId, UUID id) {
        try {
            Conversion conversion = conversions.get(brandId, id);
            return conversion.source().orderId() != null ? "Order " + conversion.source().orderId()
                    : "Conversion of " + Times.dateTime(conversion.source().convertedAt());
        } catch (ProblemException e) {
            return "Conversion " + id.toString().substring(0, 8);
        }
    }

    private static UUID uuid(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
