package io.linkledger.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.linkledger.brands.BrandPrincipal;
import io.linkledger.offers.Offer;
import io.linkledger.offers.OfferRequest;
import io.linkledger.offers.OfferStatus;
import io.linkledger.offers.OfferType;
import io.linkledger.offers.Offers;
import io.linkledger.reporting.Reports;
import io.linkledger.shared.Page;
import io.linkledger.shared.ProblemException;

/** Reporting → Sales Tracking: the brand's offers with their figures, and the Add/Edit Offer form. */
@Controller
class OffersPage {

    static final int PAGE_SIZE = 50;
    static final List<Integer> PRESETS = List.of(7, 30, 90);

    private final Offers offers;
    private final Reports reports;
    private final Clock clock;

    OffersPage(Offers offers, Reports reports, Clock clock) {
        this.offers = offers;
        this.reports = reports;
        this.clock = clock;
    }

    @GetMapping("/offers")
    String list(@AuthenticationPrincipal BrandPrincipal caller, @RequestParam(required = false) Integer days,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "false") boolean archived, @RequestParam(defaultValue = "0") int offset,
            Model model) {
        OffersView.Range range = range(days, from, to, archived);
        Reports.Period period = reports.period(range.from().toString(), range.to().toString());
        Page<Offer> page = offers.list(caller.brandId(), archived ? OfferStatus.ARCHIVED : null, PAGE_SIZE,
                Math.max(0, offset));
        List<OffersView.Row> rows = page.items().stream()
                .map(offer -> new OffersView.Row(offer, reports.offerSummary(caller.brandId(), offer.id(), period))).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("page", page);
        model.addAttribute("range", range);
        model.addAttribute("presets", PRESETS);
        return "console/offers/list";
    }

    @GetMapping("/offers/new")
    String newOffer(@ModelAttribute("console") Console console, @RequestParam(defaultValue = "LINK") String type,
            Model model) {
        if (!console.admin()) {
            return "redirect:/offers";
        }
        OfferType kind;
        try {
            kind = OfferType.valueOf(type.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            kind = OfferType.LINK;
        }
        return form(model, null, OfferForm.blank(kind), Map.of());
    }

    @PostMapping("/offers")
    String create(@AuthenticationPrincipal BrandPrincipal caller, @RequestParam Map<String, String> params,
            Model model) {
        OfferForm form = OfferForm.from(params);
        OfferForm.Parsed parsed = form.parse();
        if (!parsed.errors().isEmpty()) {
            return form(model, null, form, parsed.errors());
        }
        try {
            Offer offer = offers.create(caller.brandId(), parsed.request());
            return "redirect:/offers/" + offer.id();
        } catch (ProblemException problem) {
            return form(model, null, form, OfferForm.errors(problem, parsed.tierRows()));
        }
    }

    @GetMapping("/offers/{offerId}/edit")
    String edit(@AuthenticationPrincipal BrandPrincipal caller, @ModelAttribute("console") Console console,
            @PathVariable UUID offerId, Model model) {
        Offer offer = offers.get(caller.brandId(), offerId);
        if (!console.admin()) {
            // Viewers cannot save, so they get the offer's page instead of a form they cannot submit.
            return "redirect:/offers/" + offer.id();
        }
        return form(model, offer, OfferForm.of(offer), Map.of());
    }

    @PostMapping("/offers/{offerId}")
    String update(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID offerId,
            @RequestParam Map<String, String> params, Model model) {
        Offer offer = offers.get(caller.brandId(), offerId);
        OfferForm form = OfferForm.from(params);
        OfferForm.Parsed parsed = form.parse();
        Map<String, List<String>> errors = new java.util.LinkedHashMap<>(parsed.errors());
        // An update keeps a date that is left out, so an emptied date field would be silently ignored: say so.
        if (offer.startsAt() != null && form.startsOn().isBlank()) {
            errors.put("startsAt", List.of("cannot be removed once set; pick the day the offer starts"));
        }
        if (offer.endsAt() != null && form.endsOn().isBlank()) {
            errors.put("endsAt", List.of("cannot be removed once set; pick a later day or archive the offer instead"));
        }
        if (!errors.isEmpty()) {
            return form(model, offer, form, errors);
        }
        OfferRequest request = parsed.request();
        // The currency field is read-only on edit; the offer keeps its own.
        OfferRequest keepCurrency = new OfferRequest(request.name(), request.description(), request.type(),
                request.conversionType(), offer.currency().getCurrencyCode(), request.trackingProtocol(),
                request.destinationUrl(), request.fallbackUrl(), request.allowedDeepLinkHosts(), request.startsAt(),
                request.endsAt(), request.status(), request.attributionWindowDays(), request.payouts());
        try {
            offers.update(caller.brandId(), offerId, keepCurrency);
            return "redirect:/offers/" + offerId;
        } catch (ProblemException problem) {
            return form(model, offer, form, OfferForm.errors(problem, parsed.tierRows()));
        }
    }

    /** Pause, activate or archive from the list. */
    @PostMapping("/offers/{offerId}/status")
    String status(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID offerId,
            @RequestParam OfferStatus status, @RequestParam(required = false) String back,
            RedirectAttributes redirect) {
        Offer offer = status == OfferStatus.ARCHIVED ? offers.archive(caller.brandId(), offerId)
                : offers.update(caller.brandId(), offerId, new OfferRequest(null, null, null, null, null, null, null,
                        null, null, null, null, status, null, null));
        redirect.addFlashAttribute("flash", "“" + offer.name() + "” is now " + status.name().toLowerCase() + ".");
        // Only ever back to the list (with its filters), never to an address taken from the request.
        return "redirect:/offers" + (back != null && back.matches("[A-Za-z0-9=&_.-]*") && !back.isEmpty()
                ? "?" + back : "");
    }

    private String form(Model model, Offer offer, OfferForm form, Map<String, List<String>> errors) {
        model.addAttribute("offer", offer);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "console/offers/form";
    }

    private OffersView.Range range(Integer days, String from, String to, boolean archived) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if ((from == null || from.isBlank()) && (to == null || to.isBlank())) {
            int n = days != null && PRESETS.contains(days) ? days : 30;
            return new OffersView.Range(today.minusDays(n - 1), today, n, archived, null);
        }
        try {
            Reports.Period period = reports.period(from, to);
            long length = period.to().toEpochDay() - period.from().toEpochDay() + 1;
            Integer preset = period.to().equals(today) && PRESETS.contains((int) length) ? (int) length : null;
            return new OffersView.Range(period.from(), period.to(), preset, archived, null);
        } catch (ProblemException problem) {
            String message = problem.fieldIssues().isEmpty() ? problem.getMessage()
                    : problem.fieldIssues().stream().map(i -> i.field() + " " + i.message())
                            .collect(java.util.stream.Collectors.joining("; "));
            return new OffersView.Range(today.minusDays(29), today, 30, archived,
                    message + ". Showing the last 30 days instead.");
        }
    }
}
