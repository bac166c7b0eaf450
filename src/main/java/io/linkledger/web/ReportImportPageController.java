package io.linkledger.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import io.linkledger.brands.BrandPrincipal;
import io.linkledger.jobs.Job;
import io.linkledger.jobs.JobStatus;
import io.linkledger.jobs.Jobs;
import io.linkledger.shared.ProblemException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A network report import: its progress while the job runs, then the reconciliation differences it found. */
@Controller
class ReportImportPageController {

    private final Jobs jobs;
    private final JsonMapper json;

    ReportImportPageController(Jobs jobs, JsonMapper json) {
        this.jobs = jobs;
        this.json = json;
    }

    @GetMapping("/conversions/imports/{jobId}")
    String importPage(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID jobId, Model model) {
        model.addAttribute("report", report(caller, jobId));
        return "console/conversions/import";
    }

    /** The progress fragment htmx polls until the job ends. */
    @GetMapping("/conversions/imports/{jobId}/progress")
    String importProgress(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID jobId, Model model) {
        model.addAttribute("report", report(caller, jobId));
        return "console/conversions/progress";
    }

    private ReportImportView report(BrandPrincipal caller, UUID jobId) {
        Job job = jobs.get(caller.brandId(), jobId);
        if (!job.kind().equals("network-report-import")) {
            throw ProblemException.notFound("Report import", jobId);
        }
        int percent = job.total() == 0 ? 100 : (int) Math.min(100, job.done() * 100L / job.total());
        Map<String, Object> result = job.status() == JobStatus.SUCCEEDED && job.result() != null
                ? json.readValue(job.result(), new TypeReference<Map<String, Object>>() { })
                : Map.of();
        return new ReportImportView(job, percent, result, list(result.get("problems")),
                strings(result.get("onlyInReport")), strings(result.get("onlyInLinkledger")));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, String>> list(Object value) {
        return value instanceof List<?> l ? (List<Map<String, String>>) l : List.of();
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }
}
