package io.linkledger.web;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import io.linkledger.shared.FieldIssue;

/** Values the project pages render; kept apart from the controller so the templates read plainly. */
public final class ProjectViews {

    private ProjectViews() {
    }

    /** Inline errors of one form: the messages for a field, joined, or null when it has none. */
    public record Errors(List<FieldIssue> issues) {

        public static final Errors NONE = new Errors(List.of());

        public String of(String field) {
            String joined = issues.stream().filter(i -> i.field().equals(field)).map(FieldIssue::message)
                    .collect(Collectors.joining("; "));
            return joined.isEmpty() ? null : joined;
        }

        /** Issues about fields the form has no input for, shown above it. */
        public List<FieldIssue> other(List<String> fields) {
            return issues.stream().filter(i -> !fields.contains(i.field())).toList();
        }

        public boolean any() {
            return !issues.isEmpty();
        }
    }

    /** Which members of the project a step works on: all of them, or the listed ones. */
    public record Selection(boolean all, List<UUID> memberIds) {

        public Selection {
            memberIds = memberIds == null ? List.of() : List.copyOf(memberIds);
        }

        public boolean empty() {
            return !all && memberIds.isEmpty();
        }

        public int size(long projectMembers) {
            return all ? (int) projectMembers : memberIds.size();
        }

        /** The selection as query parameters, for the URLs fragments poll or page through. */
        public String query() {
            if (all) {
                return "all=true";
            }
            return memberIds.stream().map(id -> "memberIds=" + id).collect(Collectors.joining("&"));
        }
    }

    /** One row of the generated links table. */
    public record LinkRow(String member, String email, String trackingLink, String promoCode, String dashboardLink) {
    }

    /** The generated links of a selection, one page of it. */
    public record Links(UUID projectId, UUID offerId, String offerName, Selection selection, List<LinkRow> rows,
            long total, int offset, int limit) {

        public boolean hasMore() {
            return offset + rows.size() < total;
        }

        public String moreUrl() {
            return "/projects/" + projectId + "/stage/links?offerId=" + offerId + "&" + selection.query()
                    + "&offset=" + (offset + limit);
        }
    }

    /** A running job as a progress bar that polls {@code pollUrl} until the job ends. */
    public record Progress(String label, String pollUrl, int done, int total) {
    }

    /** The editable "Send Sales Tracking Items" email and who it goes to. */
    public record Compose(UUID projectId, UUID offerId, String offerName, Selection selection, int recipients,
            String subject, String html, String text, Errors errors, boolean previewed, PreviewPage preview,
            Progress sending) {
    }

    /** One recipient's personalised email, with paging through every recipient. */
    public record PreviewPage(UUID projectId, String to, String subject, String html, String text, int index,
            long total) {

        public boolean hasPrevious() {
            return index > 0;
        }

        public boolean hasNext() {
            return index + 1 < total;
        }
    }
}
