package io.linkledger.reporting;

import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.linkledger.brands.BrandPrincipal;
import io.linkledger.shared.Page;
import io.swagger.v3.oas.annotations.Operation;

@RestController
@RequestMapping("/api/v1/reports")
class ReportController {

    private final Reports reports;

    ReportController(Reports reports) {
        this.reports = reports;
    }

    /** A member table line as JSON: amounts as decimal strings in {@code currency}. */
    record MemberLine(UUID memberId, String name, String email, long clicks, long uniqueClicks, long conversions,
            String sales, String commission, String epc, String currency) {

        static MemberLine of(MemberRow r) {
            return new MemberLine(r.memberId(), r.name(), r.email(), r.clicks(), r.uniqueClicks(), r.conversions(),
                    r.sales().toDecimalString(), r.commission().toDecimalString(), r.epc(),
                    r.sales().currency().getCurrencyCode());
        }
    }

    /** The offer's figures; {@code members=false} leaves out the per-member list (empty), which grows with the offer. */
    @GetMapping("/offers/{id}")
    @Operation(summary = "Get an offer's report")
    OfferReport offer(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "true") boolean members) {
        Reports.Period period = reports.period(caller.brandId(), from, to);
        return members ? reports.offer(caller.brandId(), id, period)
                : reports.offerSummary(caller.brandId(), id, period);
    }

    /** The offer's members with their figures; {@code sort} by NAME, CLICKS, …, EPC; {@code order} asc or desc. */
    @GetMapping("/offers/{id}/members")
    @Operation(summary = "List an offer's members with their figures")
    Page<MemberLine> members(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "COMMISSION") Reports.MemberSort sort,
            @RequestParam(defaultValue = "desc") String order, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer offset) {
        return reports.memberTable(caller.brandId(), id, reports.period(caller.brandId(), from, to), sort,
                !"asc".equalsIgnoreCase(order), Page.limit(limit), Page.offset(offset)).map(MemberLine::of);
    }
}
