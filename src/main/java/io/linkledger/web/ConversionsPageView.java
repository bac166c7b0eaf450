package io.linkledger.web;

import java.util.List;
import java.util.UUID;

import io.linkledger.conversions.Conversion;
import io.linkledger.conversions.ConversionStatus;
import io.linkledger.conversions.Hold;
import io.linkledger.conversions.Integration;
import io.linkledger.shared.Page;

/** The Conversions page: the filter, a page of conversions, and what its last bulk action or import did. */
public final class ConversionsPageView {

    private ConversionsPageView() {
    }

    /** A named choice of a filter or select. */
    public record Option(String value, String label) {
    }

    /** The filter as chosen; empty strings mean "any". */
    public record Filter(String status, String offer, String member) {

        /** The filter as a query string, for paging links and going back after a bulk action. */
        public String query() {
            return "status=" + status + "&offer=" + offer + "&member=" + member;
        }
    }

    /** A conversion with its names, and the quality rules that fired on it (empty when none did). */
    public record Row(Conversion conversion, String offerName, String memberName, List<Hold> holds) {

        public boolean held() {
            return conversion.state().status() == ConversionStatus.HELD;
        }
    }

    /** What a bulk action did, item by item. */
    public record BulkResult(String action, List<Outcome> outcomes, int changed) {

        public String done() {
            return pastTense(action);
        }

        /** A bulk action in the past tense, as the result says it. */
        static String pastTense(String action) {
            return switch (action) {
                case "approve" -> "approved";
                case "release" -> "released to pending";
                case "release-approve" -> "released and approved";
                default -> "reversed";
            };
        }
    }

    /** One conversion of a bulk action: {@code what} names it as the brand knows it (its order number). */
    public record Outcome(UUID id, String what, boolean changed, String message) {
    }

    public record ListPage(Filter filter, List<Option> statuses, List<Option> offers, List<Option> members,
            Page<Row> conversions, BulkResult bulk, List<Integration> integrations, String importError,
            String bulkError) {
    }
}
