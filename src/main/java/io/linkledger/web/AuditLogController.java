package io.linkledger.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import io.linkledger.audit.AuditFilter;
import io.linkledger.audit.AuditLog;
import io.linkledger.shared.ProblemException;
import tools.jackson.databind.json.JsonMapper;

/** The audit log (admins only): filter, page through, and download as CSV. */
@Controller
class AuditLogController {

    private final AuditLog log;
    private final JsonMapper json;
    private final Clock clock;

    AuditLogController(AuditLog log, JsonMapper json, Clock clock) {
        this.log = log;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/audit")
    String page(@ModelAttribute("console") Console console, @ModelAttribute AuditLogView.Filter filter,
            @RequestParam(required = false) Integer page, Model model) {
        requireAdmin(console);
        int number = page == null || page < 1 ? 1 : page;
        AuditFilter parsed = parse(filter);
        model.addAttribute("audit", AuditLogView.of(filter, log.choices(console.brandId()),
                log.page(console.brandId(), parsed, AuditLogView.PAGE, (number - 1) * AuditLogView.PAGE), number,
                json));
        return "console/audit/list";
    }

    @GetMapping("/audit.csv")
    void csv(@ModelAttribute("console") Console console, @ModelAttribute AuditLogView.Filter filter,
            HttpServletResponse response) throws IOException {
        requireAdmin(console);
        AuditFilter parsed = parse(filter);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-"
                + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + ".csv\"");
        log.writeCsv(console.brandId(), parsed, response.getWriter());
    }

    private static AuditFilter parse(AuditLogView.Filter f) {
        return AuditFilter.parse(f.actor(), f.entityType(), f.entityId(), f.action(), f.from(), f.to());
    }

    private static void requireAdmin(Console console) {
        if (!console.admin()) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "Only admins can read the audit log");
        }
    }
}
