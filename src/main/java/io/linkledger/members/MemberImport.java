package io.linkledger.members;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.linkledger.audit.AuditEntry;
import io.linkledger.audit.AuditTrail;
import io.linkledger.jobs.Jobs;
import io.linkledger.jobs.Progress;
import io.linkledger.shared.Csv;
import io.linkledger.shared.FieldIssue;
import io.linkledger.shared.Ids;
import io.linkledger.shared.ProblemException;
import io.linkledger.shared.Validation;

/**
 * Imports members from CSV with a header row ({@code name,email,handle,paypal_email,tags,notes}).
 * Existing members (same email) are updated, so importing the same file twice changes nothing the
 * second time; an empty cell keeps what the member has. The API imports all rows or none; the
 * console first shows a preview of what each row would do, then imports the valid rows once the
 * brand confirms.
 */
@Service
public class MemberImport {

    /** The kind of the job a large import runs as. */
    public static final String JOB_KIND = "member-import";

    private static final int CHUNK = 500;
    private static final int MAX_LISTED_ERRORS = 100;
    private static final Duration DRAFTS_KEPT = Duration.ofDays(1);
    private static final Map<String, String> COLUMNS = Map.of(
            "name", "name", "email", "email", "handle", "handle", "paypal_email", "paypalEmail",
            "paypalemail", "paypalEmail", "paypal", "paypalEmail", "notes", "notes", "tags", "tags");

    private final MemberRepository repository;
    private final ImportDraftRepository drafts;
    private final Jobs jobs;
    private final Ids ids;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final int syncLimit;
    private final AuditTrail audit;

    MemberImport(MemberRepository repository, ImportDraftRepository drafts, Jobs jobs, Ids ids, Clock clock,
            TransactionTemplate transactions, @Value("${linkledger.members.import-sync-limit:1000}") int syncLimit,
            AuditTrail audit) {
        this.audit = audit;
        this.repository = repository;
        this.drafts = drafts;
        this.jobs = jobs;
        this.ids = ids;
        this.clock = clock;
        this.transactions = transactions;
        this.syncLimit = syncLimit;
    }

    /** What an import did. */
    public record Summary(int total, int created, int updated, int unchanged) {
    }

    /** Either the summary (small files) or the id of the job doing the work (large files). */
    public record Outcome(Summary summary, UUID jobId) {
    }

    /** What importing a row would do. */
    public enum ImportChange {
        NEW, UPDATED, UNCHANGED, INVALID
    }

    /**
     * One row of a preview: what importing it would do and why, as the fields it changes
     * ({@code "name: Jane → Jane Doe"}) or what is wrong with it.
     */
    public record ImportRow(int line, ImportChange change, String name, String email, List<String> details) {
    }

    /** What importing a file would do, row by row; nothing is written to make it. */
    public record ImportPreview(int total, int created, int updated, int unchanged, int invalid,
            List<ImportRow> rows) {
    }

    /** A file uploaded in the console and waiting for the brand's confirmation. */
    public record Draft(UUID id, String fileName, Instant createdAt) {
    }

    /** A data row of the file: the member it describes, or what is wrong with it. */
    private record Row(int line, MemberRequest request, List<String> problems) {

        boolean valid() {
            return problems.isEmpty();
        }
    }

    /** The API's import: every row is valid and imported, or the answer lists the bad ones and nothing is. */
    public Outcome importCsv(UUID brandId, String csv) {
        List<Row> rows = parse(csv);
        List<FieldIssue> issues = new ArrayList<>();
        rows.stream().filter(r -> !r.valid())
                .forEach(r -> r.problems().forEach(p -> issues.add(new FieldIssue("line " + r.line(), p))));
        if (!issues.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST,
                    "The CSV has " + issues.size() + " invalid value(s); nothing was imported",
                    issues.subList(0, Math.min(issues.size(), MAX_LISTED_ERRORS)));
        }
        return start(brandId, rows.stream().map(Row::request).toList());
    }

    /** What importing {@code csv} would do, row by row. */
    public ImportPreview preview(UUID brandId, String csv) {
        List<Row> rows = parse(csv);
        List<ImportRow> shown = new ArrayList<>(rows.size());
        int[] counts = new int[ImportChange.values().length];
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            Map<String, Member> existing = existing(brandId,
                    chunk.stream().filter(Row::valid).map(r -> r.request().email()).toList());
            for (Row row : chunk) {
                MemberRequest r = row.request();
                ImportRow line;
                if (!row.valid()) {
                    line = new ImportRow(row.line(), ImportChange.INVALID, r.name(), r.email(), row.problems());
                } else {
                    Member old = existing.get(MemberRepository.emailKey(r.email()));
                    List<String> changes = old == null ? List.of() : differences(old, merge(old, r, old.updatedAt()));
                    ImportChange change = old == null ? ImportChange.NEW
                            : changes.isEmpty() ? ImportChange.UNCHANGED : ImportChange.UPDATED;
                    line = new ImportRow(row.line(), change, r.name().trim(), r.email().trim(), changes);
                }
                counts[line.change().ordinal()]++;
                shown.add(line);
            }
        }
        return new ImportPreview(rows.size(), counts[ImportChange.NEW.ordinal()],
                counts[ImportChange.UPDATED.ordinal()], counts[ImportChange.UNCHANGED.ordinal()],
                counts[ImportChange.INVALID.ordinal()], shown);
    }

    /**
     * Keeps an uploaded file until the brand confirms it; a file without a usable header or rows
     * is refused at once. Drafts older than a day are dropped.
     */
    public Draft draft(UUID brandId, String fileName, String csv) {
        parse(csv);
        Instant now = clock.instant();
        drafts.deleteOlderThan(now.minus(DRAFTS_KEPT));
        String name = Validation.isBlank(fileName) ? "members.csv" : fileName.trim();
        Draft draft = new Draft(ids.next(), name.length() > 200 ? name.substring(0, 200) : name, now);
        drafts.insert(brandId, draft, csv);
        return draft;
    }

    public Draft findDraft(UUID brandId, UUID draftId) {
        return drafts.find(brandId, draftId, clock.instant().minus(DRAFTS_KEPT)).orElseThrow(() -> gone(draftId));
    }

    public ImportPreview previewDraft(UUID brandId, UUID draftId) {
        return preview(brandId, drafts.csv(brandId, draftId, clock.instant().minus(DRAFTS_KEPT))
                .orElseThrow(() -> gone(draftId)));
    }

    /**
     * Imports the valid rows of a previewed file and drops the draft; the invalid rows the preview
     * listed are skipped. A draft is imported once: confirming it again is a 404.
     */
    public Outcome confirm(UUID brandId, UUID draftId) {
        String csv = drafts.csv(brandId, draftId, clock.instant().minus(DRAFTS_KEPT)).orElseThrow(() -> gone(draftId));
        if (!drafts.delete(brandId, draftId)) {
            throw gone(draftId);
        }
        return start(brandId, parse(csv).stream().filter(Row::valid).map(Row::request).toList());
    }

    /** Drops a previewed file without importing it. */
    public void discard(UUID brandId, UUID draftId) {
        drafts.delete(brandId, draftId);
    }

    private static ProblemException gone(UUID draftId) {
        return new ProblemException(HttpStatus.NOT_FOUND, "Import " + draftId
                + " does not exist: it was imported already, or it is more than a day old; upload the file again");
    }

    private Outcome start(UUID brandId, List<MemberRequest> rows) {
        if (rows.size() <= syncLimit) {
            return new Outcome(write(brandId, rows, count -> { }), null);
        }
        return new Outcome(null, jobs.start(brandId, JOB_KIND, rows.size(),
                progress -> write(brandId, rows, progress)));
    }

    private List<Row> parse(String csv) {
        List<List<String>> table = Csv.parse(csv == null ? "" : csv);
        if (table.isEmpty()) {
            throw ProblemException.badRequest(
                    "The CSV is empty; expected a header row such as name,email,handle,paypal_email,tags,notes");
        }
        List<String> header = table.getFirst().stream()
                .map(h -> COLUMNS.get(h.trim().toLowerCase(Locale.ROOT).replace(" ", "_")))
                .toList();
        if (!header.contains("name") || !header.contains("email")) {
            throw ProblemException.badRequest("The CSV header must name the columns 'name' and 'email' "
                    + "(optional: handle, paypal_email, tags, notes); found: " + String.join(",", table.getFirst()));
        }
        if (table.size() == 1) {
            throw ProblemException.badRequest("The CSV has a header but no member rows");
        }
        List<Row> rows = new ArrayList<>(table.size() - 1);
        Set<String> emails = new HashSet<>();
        for (int i = 1; i < table.size(); i++) {
            Map<String, String> values = new HashMap<>();
            List<String> cells = table.get(i);
            for (int c = 0; c < Math.min(cells.size(), header.size()); c++) {
                if (header.get(c) != null) {
                    values.put(header.get(c), cells.get(c).trim());
                }
            }
            MemberRequest request = new MemberRequest(values.get("name"), values.get("email"),
                    Members.trimToNull(values.get("handle")), Members.trimToNull(values.get("paypalEmail")),
                    Members.trimToNull(values.get("notes")), Tags.split(values.get("tags")));
            Validation v = new Validation();
            Members.validate(request, true, v);
            if (!v.has("email") && !emails.add(MemberRepository.emailKey(request.email()))) {
                v.add("email", request.email() + " appears more than once in the file");
            }
            List<String> problems = new ArrayList<>();
            try {
                v.throwIfInvalid();
            } catch (ProblemException e) {
                e.fieldIssues().forEach(issue -> problems.add(column(issue.field()) + " " + issue.message()));
            }
            rows.add(new Row(i + 1, request, problems));
        }
        return rows;
    }

    /** The CSV's name of a field, for messages about a line of the file. */
    private static String column(String field) {
        return field.equals("paypalEmail") ? "paypal_email" : field;
    }

    /**
     * An existing member after importing a row over them: the row's name, and its other cells
     * where they are not empty. The one rule of what an import changes, for the preview and the write.
     */
    private static Member merge(Member old, MemberRequest row, Instant now) {
        return new Member(old.id(), old.brandId(), row.name().trim(), old.email(),
                row.handle() != null ? row.handle() : old.handle(),
                row.paypalEmail() != null ? row.paypalEmail() : old.paypalEmail(),
                row.notes() != null ? row.notes() : old.notes(),
                row.tags() != null ? Tags.normalize(row.tags()) : old.tags(), old.createdAt(), now);
    }

    private static List<String> differences(Member old, Member merged) {
        List<String> changes = new ArrayList<>();
        difference("name", old.name(), merged.name(), changes);
        difference("handle", old.handle(), merged.handle(), changes);
        difference("paypal_email", old.paypalEmail(), merged.paypalEmail(), changes);
        difference("tags", String.join(", ", old.tags()), String.join(", ", merged.tags()), changes);
        if (!Objects.equals(old.notes(), merged.notes())) {
            changes.add("notes changed");
        }
        return changes;
    }

    private static void difference(String field, String was, String becomes, List<String> changes) {
        if (!Objects.equals(was, becomes)) {
            changes.add(field + ": " + (was == null || was.isEmpty() ? "(empty)" : was) + " → " + becomes);
        }
    }

    private static List<AuditEntry> imported(List<Member> inserts, List<Member> updates, Map<String, Member> before) {
        List<AuditEntry> entries = new ArrayList<>();
        inserts.forEach(m -> entries.add(AuditEntry.of(m.brandId(), "member.imported", "member", m.id()).member(m.id())
                .change(null, m)));
        updates.forEach(m -> entries.add(AuditEntry.of(m.brandId(), "member.updated", "member", m.id()).member(m.id())
                .change(before.get(MemberRepository.emailKey(m.email())), m)));
        return entries;
    }

    private Map<String, Member> existing(UUID brandId, List<String> emails) {
        Map<String, Member> existing = new HashMap<>();
        repository.findByEmails(brandId, emails).forEach(m -> existing.put(MemberRepository.emailKey(m.email()), m));
        return existing;
    }

    private Summary write(UUID brandId, List<MemberRequest> rows, Progress progress) {
        int created = 0;
        int updated = 0;
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<MemberRequest> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            int[] counts = transactions.execute(status -> writeChunk(brandId, chunk));
            created += counts[0];
            updated += counts[1];
            progress.advance(chunk.size());
        }
        return new Summary(rows.size(), created, updated, rows.size() - created - updated);
    }

    private int[] writeChunk(UUID brandId, List<MemberRequest> chunk) {
        Map<String, Member> existing = existing(brandId, chunk.stream().map(MemberRequest::email).toList());
        Instant now = clock.instant();
        List<Member> inserts = new ArrayList<>();
        List<Member> updates = new ArrayList<>();
        for (MemberRequest row : chunk) {
            Member old = existing.get(MemberRepository.emailKey(row.email()));
            if (old == null) {
                inserts.add(new Member(ids.next(), brandId, row.name().trim(), row.email().trim(), row.handle(),
                        row.paypalEmail(), row.notes(), row.tags() == null ? List.of() : Tags.normalize(row.tags()),
                        now, now));
                continue;
            }
            Member merged = merge(old, row, now);
            if (!differences(old, merged).isEmpty()) {
                updates.add(merged);
            }
        }
        repository.insertAll(inserts);
        repository.updateAll(updates);
        audit.recordAll(imported(inserts, updates, existing));
        return new int[] {inserts.size(), updates.size()};
    }
}
