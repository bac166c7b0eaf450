package io.linkledger.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

import io.linkledger.brands.BrandPrincipal;
import io.linkledger.jobs.Job;
import io.linkledger.jobs.JobStatus;
import io.linkledger.jobs.Jobs;
import io.linkledger.members.MemberImport;
import io.linkledger.shared.ProblemException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Import members from a CSV file: upload, a preview of what every row would do (nothing is
 * written), confirm; a large file then imports as a job with a progress bar.
 */
@Controller
class MemberImportController {

    private final MemberImport memberImport;
    private final Jobs jobs;
    private final JsonMapper json;

    MemberImportController(MemberImport memberImport, Jobs jobs, JsonMapper json) {
        this.memberImport = memberImport;
        this.jobs = jobs;
        this.json = json;
    }

    @GetMapping("/members/import")
    String upload(Model model) {
        model.addAttribute("page", new MemberImportView.Upload(FormErrors.NONE));
        return "console/members/import";
    }

    @PostMapping("/members/import")
    String uploaded(@AuthenticationPrincipal BrandPrincipal caller,
            @RequestParam(required = false) MultipartFile file, Model model, HttpServletResponse response)
            throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw ProblemException.invalid("file", "choose a CSV file to import");
            }
            String csv = new String(file.getBytes(), StandardCharsets.UTF_8);
            MemberImport.Draft draft = memberImport.draft(caller.brandId(), file.getOriginalFilename(), csv);
            return "redirect:/members/import/" + draft.id();
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            model.addAttribute("page", new MemberImportView.Upload(FormErrors.of(e)));
            return "console/members/import";
        }
    }

    @GetMapping("/members/import/{draftId}")
    String preview(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID draftId,
            @RequestParam(required = false) String show, Model model) {
        MemberImport.Draft draft = memberImport.findDraft(caller.brandId(), draftId);
        model.addAttribute("page", MemberImportView.Preview.of(draft,
                memberImport.previewDraft(caller.brandId(), draftId), show));
        return "console/members/preview";
    }

    @PostMapping("/members/import/{draftId}")
    String confirm(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID draftId,
            RedirectAttributes redirect) {
        MemberImport.Outcome outcome = memberImport.confirm(caller.brandId(), draftId);
        if (outcome.jobId() != null) {
            return "redirect:/members/import/jobs/" + outcome.jobId();
        }
        redirect.addFlashAttribute("notice", MemberImportView.done(outcome.summary()));
        return "redirect:/members";
    }

    @PostMapping("/members/import/{draftId}/cancel")
    String cancel(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID draftId,
            RedirectAttributes redirect) {
        memberImport.discard(caller.brandId(), draftId);
        redirect.addFlashAttribute("notice", "The import was cancelled; nothing was changed.");
        return "redirect:/members";
    }

    @GetMapping("/members/import/jobs/{jobId}")
    String job(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID jobId, Model model) {
        model.addAttribute("page", progress(caller, jobId));
        return "console/members/job";
    }

    /** The progress fragment htmx polls until the job ends, then what the import did. */
    @GetMapping("/members/import/jobs/{jobId}/progress")
    String jobProgress(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID jobId, Model model) {
        model.addAttribute("page", progress(caller, jobId));
        return "console/members/progress";
    }

    private MemberImportView.Progress progress(BrandPrincipal caller, UUID jobId) {
        Job job = jobs.get(caller.brandId(), jobId);
        if (!job.kind().equals(MemberImport.JOB_KIND)) {
            throw ProblemException.notFound("Member import", jobId);
        }
        MemberImport.Summary summary = job.status() == JobStatus.SUCCEEDED && job.result() != null
                ? json.readValue(job.result(), MemberImport.Summary.class) : null;
        return new MemberImportView.Progress(job, summary);
    }
}
