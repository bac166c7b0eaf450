package io.linkledger.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import io.linkledger.shared.Csv;
import io.linkledger.shared.Page;

/** Reads the audit log: a page of entries, the filter choices, and a CSV export. Nothing here changes it. */
@Service
public class AuditLog {

    private static final List<String> CSV_HEADER = List.of("time", "actor_type", "actor_id", "actor", "address", "action",
            "entity_type", "entity_id", "offer_id", "member_id", "before", "after");
    private static final int EXPORT_CHUNK = 500;

    private final AuditRepository repository;

    AuditLog(AuditRepository repository) {
        this.repository = repository;
    }

    /** The values present in the brand's log, to offer as filters. */
    public record Choices(List<String> actors, List<String> entityTypes, List<String> actions) {
    }

    /** Newest first. */
    public Page<AuditRecord> page(UUID brandId, AuditFilter filter, int limit, int offset) {
        return new Page<>(repository.page(brandId, filter, limit, offset), repository.count(brandId, filter), limit,
                offset);
    }

    public Choices choices(UUID brandId) {
        return new Choices(repository.actorNames(brandId), repository.entityTypes(brandId),
                repository.actions(brandId));
    }

    /**
     * Writes the matching entries as CSV, newest first, a chunk at a time and flushed after each,
     * so an export of any size is streamed and never held whole.
     */
    public void writeCsv(UUID brandId, AuditFilter filter, Writer out) {
        try {
            out.write(line(CSV_HEADER));
            long beforeSeq = Long.MAX_VALUE;
            List<AuditRecord> chunk;
            do {
                chunk = repository.before(brandId, filter, beforeSeq, EXPORT_CHUNK);
                for (AuditRecord r : chunk) {
                    out.write(line(Arrays.asList(r.at().toString(), r.actor().type().name(),
                            text(r.actor().id()), r.actor().name(), r.actor().address(), r.action(), r.entityType(),
                            r.entityId(), text(r.offerId()), text(r.memberId()), r.before(), r.after())));
                    beforeSeq = r.seq();
                }
                out.flush();
            } while (chunk.size() == EXPORT_CHUNK);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String line(List<String> values) {
        return String.join(",", values.stream().map(Csv::field).toList()) + "\r\n";
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }
}
