package io.linkledger.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.linkledger.brands.BrandPrincipal;
import io.linkledger.offers.Offer;
import io.linkledger.offers.OfferRequest;
import io.linkledger.offers.OfferStatus;
import io.linkledger.offers.Offers;
import io.linkledger.reporting.Reports;
import io.linkledger.shared.Page;
import io.linkledger.shared.ProblemException;

/** Reporting → Sales Tracking: the brand's offers with their figures for a date range; pause, activate, archive. */
@Controller
class OfferListController {

    static final int PAGE_SIZE = 50;
    static final List<Integer> PRESETS = List.of(7, 30, 90);

    private final Offers offers;
    private final Reports reports;

    OfferListController(Offers offers, Reports reports) {
        this.offers = offers;
        this.reports = reports;
    }

    @GetMapping("/offers")
    String list(@AuthenticationPrincipal BrandPrincipal caller, @RequestParam(required = false) Integer days,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "false") boolean archived, @RequestParam(defaultValue = "0") int offset,
            Model model) {
        OfferListView.Range range = range(caller.brandId(), days, from, to, archived);
        Reports.Period period = new Reports.Period(range.from(), range.to());
        Page<Offer> page = offers.list(caller.brandId(), archived ? OfferStatus.ARCHIVED : null, PAGE_SIZE,
                Math.max(0, offset));
        List<OfferListView.Row> rows = page.items().stream()
                .map(offer -> new OfferListView.Row(offer, reports.offerSummary(caller.brandId(), offer.id(), period)))
                .toList();
        model.addAttribute("view", new OfferListView(rows, page, range, PRESETS));
        return "console/offers/list";
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

    /** A preset or from/to; a range that is not one shows the last 30 days and says why. */
    private OfferListView.Range range(UUID brandId, Integer days, String from, String to, boolean archived) {
        LocalDate today = reports.today(brandId);
        if ((from == null || from.isBlank()) && (to == null || to.isBlank())) {
            int n = days != null && PRESETS.contains(days) ? days : 30;
            return new OfferListView.Range(today.minusDays(n - 1), today, n, archived, null);
        }
        try {
            Reports.Period period = reports.period(brandId, from, to);
            long length = period.to().toEpochDay() - period.from().toEpochDay() + 1;
            Integer preset = period.to().equals(today) && PRESETS.contains((int) length) ? (int) length : null;
            return new OfferListView.Range(period.from(), period.to(), preset, archived, null);
        } catch (ProblemException problem) {
            return new OfferListView.Range(today.minusDays(29), today, 30, archived,
                    FormErrors.of(problem).summary() + ". Showing the last 30 days instead.");
        }
    }
}
