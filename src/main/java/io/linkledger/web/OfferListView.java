package io.linkledger.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.linkledger.offers.Offer;
import io.linkledger.offers.OfferStatus;
import io.linkledger.reporting.OfferReport;
import io.linkledger.shared.Money;
import io.linkledger.shared.Page;

/** Reporting → Sales Tracking: one page of offers with their figures for the chosen range. */
public record OfferListView(List<Row> rows, Page<Offer> page, Range range, List<Integer> presets) {

    /** One offer row of the list with its figures for the chosen period. */
    public record Row(Offer offer, OfferReport report) {

        public String kind() {
            return switch (offer.type()) {
                case LINK -> "Link";
                case PROMO_CODE -> "Promo code";
                case LINK_AND_CODE -> "Link and code";
            };
        }

        public String sales() {
            return money(report.sales());
        }

        public String commission() {
            return money(report.commission());
        }

        public String conversionRate() {
            return report.conversionRate() == null ? "–" : report.conversionRate() + "%";
        }

        public String epc() {
            return Epc.display(report.epc(), offer.currency(), "–");
        }

        private String money(String decimal) {
            return Money.of(new BigDecimal(decimal), offer.currency()).display();
        }
    }

    /** The date range picker: a preset (7/30/90 days) or explicit from/to dates; why a range was refused. */
    public record Range(LocalDate from, LocalDate to, Integer days, boolean archived, String error) {

        /** Query string that keeps this range, e.g. for paging links. */
        public String query() {
            return "from=" + from + "&to=" + to + (archived ? "&archived=true" : "");
        }
    }

    /** The button text that moves an offer to {@code status}. */
    public static String action(OfferStatus status) {
        return switch (status) {
            case ACTIVE -> "Activate";
            case PAUSED -> "Pause";
            case ARCHIVED -> "Archive";
        };
    }
}
