package io.linkledger.members;

import java.time.Clock;
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

import io.linkledger.jobs.Jobs;
import io.linkledger.jobs.Progress;
import io.linkledger.shared.Csv;
import io.linkledger.shared.FieldIssue;
import io.linkledger.shared.Ids;
import io.linkledger.shared.ProblemException;
import io.linkledger.shared.Validation;

/**
 * Imports members from CSV with a header row ({@code name,email,handle,paypal_email}).
 * Every row is checked before anything is written; existing members (same email) are
 * updated, so importing the same file twice changes nothing the second time.
 */
@Service
class MemberImport {

    private static final int CHUNK = 500;
    private static final int MAX_LISTED_ERRORS = 100;
    private static final Map<String, String> COLUMNS = Map.of(
            "name", "name", "email", "email", "handle", "handle",
            "paypal_email", "paypalEmail", "paypalemail", "paypalEmail", "paypal", "paypalEmail");

    private final MemberRepository repository;
    private final Jobs jobs;
    private final Ids ids;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final int syncLimit;

    MemberImport(MemberRepository repository, Jobs jobs, Ids ids, Clock clock, TransactionTemplate transactions,
            @Value("${linkledger.members.import-sync-limit:1000}") int syncLimit) {
        this.repository = repository;
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

    public Outcome importCsv(UUID brandId, String csv) {
        List<MemberRequest> rows = parse(csv);
        if (rows.size() <= syncLimit) {
            return new Outcome(write(brandId, rows, count -> { }), null);
        }
        return new Outcome(null, jobs.start(brandId, "member-import", rows.size(),
                progress -> write(brandId, rows, progress)));
    }

    private List<MemberRequest> parse(String csv) {
        List<List<String>> table = Csv.parse(csv == null ? "" : csv);
        if (table.isEmpty()) {
            throw ProblemException.badRequest("The CSV is empty; expected a header row such as name,email,handle,paypal_email");
        }
        List<String> header = table.getFirst().stream()
                .map(h -> COLUMNS.get(h.trim().toLowerCase(Locale.ROOT).replace(" ", "_")))
                .toList();
        if (!header.contains("name") || !header.contains("email")) {
            throw ProblemException.badRequest("The CSV header must name the columns 'name' and 'email' "
                    + "(optional: handle, paypal_email); found: " + String.join(",", table.getFirst()));
        }
        List<FieldIssue> issues = new ArrayList<>();
        List<MemberRequest> rows = new ArrayList<>();
        Set<String> emails = new HashSet<>();
        for (int i = 1; i < table.size(); i++) {
            Map<String, String> values = new HashMap<>();
            List<String> cells = table.get(i);
            for (int c = 0; c < Math.min(cells.size(), header.size()); c++) {
                if (header.get(c) != null) {
                    values.put(header.get(c), cells.get(c).trim());
                }
            }
            MemberRequest row = new MemberRequest(values.get("name"), values.get("email"),
                    Members.trimToNull(values.get("handle")), Members.trimToNull(values.get("paypalEmail")));
            Validation v = new Validation();
            Members.validate(row, true, v);
            if (!v.has("email") && !emails.add(MemberRepository.emailKey(row.email()))) {
                v.add("email", row.email() + " appears more than once in the file");
            }
            String line = "line " + (i + 1);
            try {
                v.throwIfInvalid();
            } catch (ProblemException e) {
                e.fieldIssues().forEach(issue -> issues.add(new FieldIssue(line, issue.field() + " " + issue.message())));
            }
            rows.add(row);
        }
        if (!issues.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST,
                    "The CSV has " + issues.size() + " invalid value(s); nothing was imported",
                    issues.subList(0, Math.min(issues.size(), MAX_LISTED_ERRORS)));
        }
        if (rows.isEmpty()) {
            throw ProblemException.badRequest("The CSV has a header but no member rows");
        }
        return rows;
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
        Map<String, Member> existing = new HashMap<>();
        repository.findByEmails(brandId, chunk.stream().map(MemberRequest::email).toList())
                .forEach(m -> existing.put(MemberRepository.emailKey(m.email()), m));
        Instant now = clock.instant();
        List<Member> inserts = new ArrayList<>();
        List<Member> updates = new ArrayList<>();
        for (MemberRequest row : chunk) {
            Member old = existing.get(MemberRepository.emailKey(row.email()));
            if (old == null) {
                inserts.add(new Member(ids.next(), brandId, row.name().trim(), row.email().trim(), row.handle(),
                        row.paypalEmail(), now, now));
                continue;
            }
            Member merged = new Member(old.id(), brandId, row.name().trim(), old.email(),
                    row.handle() != null ? row.handle() : old.handle(),
                    row.paypalEmail() != null ? row.paypalEmail() : old.paypalEmail(), old.createdAt(), now);
            if (!Objects.equals(merged.name(), old.name()) || !Objects.equals(merged.handle(), old.handle())
                    || !Objects.equals(merged.paypalEmail(), old.paypalEmail())) {
                updates.add(merged);
            }
        }
        repository.insertAll(inserts);
        repository.updateAll(updates);
        return new int[] {inserts.size(), updates.size()};
    }
}
