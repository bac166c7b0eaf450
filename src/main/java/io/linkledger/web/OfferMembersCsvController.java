package io.linkledger.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
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
import io.linkledger.shared.Csv;

/** The offer page's Export CSV: every row of its member table for a period. */
@Controller
class OfferMembersCsvController {

    private static final int CSV_PAGE = 1000;

    private final Reports reports;
    private final Offers offers;

    OfferMembersCsvController(Reports reports, Offers offers) {
        this.reports = reports;
        this.offers = offers;
    }

    /** Written 1,000 rows at a time as they are read: never all in the response. */
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

    private static String slug(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "offer" : slug.length() > 60 ? slug.substring(0, 60) : slug;
    }
}
