package io.linkledger.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.linkledger.brands.BrandPrincipal;
import io.linkledger.offers.Offer;
import io.linkledger.offers.Offers;
import io.linkledger.reporting.MemberRow;
import io.linkledger.reporting.Reports;

/**
 * The offer page's Export CSV: every member of the offer with their figures for a period, then
 * their tracking link, promo code, dashboard link, tier and commission terms in words (columns
 * added after the figures, so files read by column position keep working).
 */
@Controller
class OfferMembersCsvController {

    private static final int CSV_PAGE = 1000;
    private static final List<String> HEADER = List.of("member_id", "name", "email", "clicks", "unique_clicks",
            "conversions", "sales", "commission", "epc", "currency", "tracking_link", "promo_code", "dashboard_link",
            "tier", "commission_terms");

    private final Reports reports;
    private final Offers offers;
    private final OfferLinks links;

    OfferMembersCsvController(Reports reports, Offers offers, OfferLinks links) {
        this.reports = reports;
        this.offers = offers;
        this.links = links;
    }

    /** Written 1,000 rows at a time as they are read: never all in the response. */
    @GetMapping("/offers/{id}/members.csv")
    void csv(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            HttpServletResponse response) throws IOException {
        UUID brandId = caller.brandId();
        Offer offer = offers.get(brandId, id);
        Reports.Period period = reports.period(brandId, from, to);
        String currency = offer.currency().getCurrencyCode();
        String fileName = slug(offer.name()) + "-members-" + period.from() + "-to-" + period.to() + ".csv";
        CsvDownload.send(response, fileName, HEADER, csv -> reports.eachMemberRows(brandId, id, period, CSV_PAGE,
                rows -> {
                    Map<UUID, MemberLinksView> chunkLinks = links.of(offer,
                            rows.stream().map(MemberRow::memberId).toList());
                    for (MemberRow r : rows) {
                        MemberLinksView l = chunkLinks.get(r.memberId());
                        csv.row(r.memberId().toString(), r.name(), r.email(), Long.toString(r.clicks()),
                                Long.toString(r.uniqueClicks()), Long.toString(r.conversions()),
                                r.sales().toDecimalString(), r.commission().toDecimalString(), r.epc(), currency,
                                l == null ? null : l.trackingLink(), l == null ? null : l.promoCode(),
                                l == null ? null : l.dashboardLink(), l == null ? null : l.tierLabel(),
                                l == null ? null : l.commission());
                    }
                    csv.flush();
                }));
    }

    private static String slug(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "offer" : slug.length() > 60 ? slug.substring(0, 60) : slug;
    }
}
