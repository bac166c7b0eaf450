package io.linkledger.web;

import java.util.List;
import java.util.Locale;

import io.linkledger.jobs.Job;
import io.linkledger.jobs.JobStatus;
import io.linkledger.members.MemberImport;
import io.linkledger.members.MemberImport.ImportChange;
import io.linkledger.members.MemberImport.ImportPreview;
import io.linkledger.members.MemberImport.ImportRow;

/** The member import's three pages: the upload form, the preview of a file, and a large import's progress. */
public final class MemberImportView {

    private MemberImportView() {
    }

    /** What an import did, in one sentence. */
    public static String done(MemberImport.Summary s) {
        return "Import done: " + s.created() + " new, " + s.updated() + " updated, " + s.unchanged() + " unchanged.";
    }

    /** The upload form, and why the last file was refused. */
    public record Upload(FormErrors errors) {
    }

    /**
     * What importing a previewed file would do: the figures, and the rows of the chosen kind
     * ({@code show}: all, new, updated, unchanged or invalid), at most {@value #ROWS} of them.
     */
    public record Preview(MemberImport.Draft draft, ImportPreview preview, String show, List<ImportRow> rows,
            int more) {

        public static final int ROWS = 200;
        private static final List<String> KINDS = List.of("all", "new", "updated", "unchanged", "invalid");

        static Preview of(MemberImport.Draft draft, ImportPreview preview, String show) {
            String asked = show == null ? "" : show.trim().toLowerCase(Locale.ROOT);
            String kind = KINDS.contains(asked) ? asked : "all";
            List<ImportRow> rows = preview.rows().stream()
                    .filter(r -> kind.equals("all") || r.change().name().toLowerCase(Locale.ROOT).equals(kind))
                    .toList();
            return new Preview(draft, preview, kind, rows.subList(0, Math.min(ROWS, rows.size())),
                    Math.max(0, rows.size() - ROWS));
        }

        public String base() {
            return "/members/import/" + draft.id();
        }

        /** The rows the confirmation imports: all but the invalid ones. */
        public int importable() {
            return preview.total() - preview.invalid();
        }

        public String label(ImportChange change) {
            return switch (change) {
                case NEW -> "New";
                case UPDATED -> "Updated";
                case UNCHANGED -> "Unchanged";
                case INVALID -> "Invalid";
            };
        }
    }

    /** A large import running as a job, then what it did. */
    public record Progress(Job job, MemberImport.Summary summary) {

        public boolean running() {
            return job.status() == JobStatus.RUNNING;
        }

        public boolean failed() {
            return job.status() == JobStatus.FAILED;
        }

        public JobProgress progress() {
            return JobProgress.of("Importing members", "/members/import/jobs/" + job.id() + "/progress", job);
        }
    }
}
