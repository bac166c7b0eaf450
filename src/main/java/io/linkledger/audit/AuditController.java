package io.linkledger.audit;

import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.linkledger.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log over the API: read only, by design; no route changes or removes an entry. The
 * same filters list a page as JSON or export every match as CSV.
 */
@RestController
class AuditController {

    private final AuditLog log;
    private final AuditContext context;
    private final JsonMapper json;

    AuditController(AuditLog log, AuditContext context, JsonMapper json) {
        this.log = log;
        this.context = context;
        this.json = json;
    }

    record ActorView(ActorType type, UUID id, String name) {
    }

    record AuditEntryView(UUID id, Instant at, ActorView actor, String address, String action, String entityType,
            String entityId, UUID offerId, UUID memberId,
            @Schema(description = "The changed fields as they were; null for a creation") JsonNode before,
            @Schema(description = "The changed fields as they are now; null for a removal") JsonNode after) {
    }

    @GetMapping("/api/v1/audit")
    @Operation(summary = "List audit log entries, newest first",
            description = "Every change with its actor (user, API key or system), time, address and the changed "
                    + "fields before and after. Times are an ISO-8601 instant or a UTC day (as `to`, the whole day "
                    + "is included). `actor` is an email, key name, actor id or `system`.")
    Page<AuditEntryView> list(@RequestParam(required = false) String actor,
            @RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
            @RequestParam(required = false) String action, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer offset) {
        AuditFilter filter = AuditFilter.parse(actor, entityType, entityId, action, from, to);
        return log.page(context.brandId(), filter, Page.limit(limit), Page.offset(offset)).map(this::view);
    }

    @GetMapping(path = "/api/v1/audit.csv", produces = "text/csv")
    @Operation(summary = "Export audit log entries as CSV",
            description = "The same filters as the list; every matching entry, newest first, streamed.")
    @ApiResponse(responseCode = "200", description = "CSV with a header row; before and after are JSON",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    void export(@RequestParam(required = false) String actor, @RequestParam(required = false) String entityType,
            @RequestParam(required = false) String entityId, @RequestParam(required = false) String action,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            HttpServletResponse response) throws IOException {
        AuditFilter filter = AuditFilter.parse(actor, entityType, entityId, action, from, to);
        UUID brandId = context.brandId();
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit.csv\"");
        log.writeCsv(brandId, filter, response.getWriter());
    }

    private AuditEntryView view(AuditRecord r) {
        return new AuditEntryView(r.id(), r.at(), new ActorView(r.actor().type(), r.actor().id(), r.actor().name()),
                r.actor().address(), r.action(), r.entityType(), r.entityId(), r.offerId(), r.memberId(),
                r.before() == null ? null : json.readTree(r.before()), r.after() == null ? null : json.readTree(r.after()));
    }
}
