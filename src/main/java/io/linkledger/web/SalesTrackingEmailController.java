package io.linkledger.web;

import java.util.List;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.linkledger.brands.BrandPrincipal;
import io.linkledger.email.EmailTemplate;
import io.linkledger.email.MemberEmails;
import io.linkledger.email.MemberEmails.EmailRequest;
import io.linkledger.email.TemplateKind;
import io.linkledger.email.Templates;
import io.linkledger.jobs.Job;
import io.linkledger.jobs.JobStatus;
import io.linkledger.jobs.Jobs;
import io.linkledger.offers.Offers;
import io.linkledger.projects.Project;
import io.linkledger.projects.Projects;
import io.linkledger.shared.Page;
import io.linkledger.shared.ProblemException;

/**
 * A project's Sales Tracking stage, step 2: the "Send Sales Tracking Items" email to the
 * selected members, edited for this sending, previewed member by member, then sent as a job.
 */
@Controller
class SalesTrackingEmailController {

    private static final String SENDING = "Sending emails";

    private final Projects projects;
    private final Offers offers;
    private final MemberEmails memberEmails;
    private final Templates templates;
    private final Jobs jobs;

    SalesTrackingEmailController(Projects projects, Offers offers, MemberEmails memberEmails, Templates templates,
            Jobs jobs) {
        this.projects = projects;
        this.offers = offers;
        this.memberEmails = memberEmails;
        this.templates = templates;
        this.jobs = jobs;
    }

    @GetMapping("/projects/{id}/stage/send")
    String compose(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam UUID offerId, @RequestParam(required = false) boolean all,
            @RequestParam(required = false) List<UUID> memberIds, Model model) {
        Project project = projects.get(caller.brandId(), id);
        EmailTemplate template = templates.get(caller.brandId(), TemplateKind.SALES_TRACKING_ITEMS);
        return page(caller, project, offerId, new StageSelection(all, memberIds), template, FormErrors.NONE, false,
                null, null, model);
    }

    @PostMapping("/projects/{id}/stage/preview")
    String preview(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam UUID offerId, @RequestParam(required = false) boolean all,
            @RequestParam(required = false) List<UUID> memberIds, @RequestParam(required = false) String subject,
            @RequestParam(required = false) String html, @RequestParam(required = false) String text,
            @RequestParam(required = false) Integer index, Model model) {
        Project project = projects.get(caller.brandId(), id);
        StageSelection selection = new StageSelection(all, memberIds);
        EmailTemplate template = new EmailTemplate(subject, html, text);
        int at = Page.offset(index);
        try {
            Page<MemberEmails.Preview> page = memberEmails.preview(caller.brandId(), offerId,
                    request(project, selection, template), 1, at);
            MemberEmails.Preview p = page.items().isEmpty() ? null : page.items().getFirst();
            SalesTrackingEmailView.Preview shown = p == null ? null
                    : new SalesTrackingEmailView.Preview(id, p.to(), p.subject(), p.html(), p.text(), at, page.total());
            return page(caller, project, offerId, selection, template, FormErrors.NONE, true, shown, null, model);
        } catch (ProblemException e) {
            return page(caller, project, offerId, selection, template, FormErrors.of(e), false, null, null, model);
        }
    }

    @PostMapping("/projects/{id}/stage/send")
    String send(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam UUID offerId, @RequestParam(required = false) boolean all,
            @RequestParam(required = false) List<UUID> memberIds, @RequestParam(required = false) String subject,
            @RequestParam(required = false) String html, @RequestParam(required = false) String text,
            Model model) {
        Project project = projects.get(caller.brandId(), id);
        StageSelection selection = new StageSelection(all, memberIds);
        EmailTemplate template = new EmailTemplate(subject, html, text);
        try {
            MemberEmails.Sending sending = memberEmails.send(caller.brandId(), offerId,
                    request(project, selection, template));
            JobProgress progress = new JobProgress(SENDING, sendingUrl(id, sending.jobId()), 0, sending.total());
            return page(caller, project, offerId, selection, template, FormErrors.NONE, false, null, progress,
                    model);
        } catch (ProblemException e) {
            return page(caller, project, offerId, selection, template, FormErrors.of(e), false, null, null, model);
        }
    }

    @GetMapping("/projects/{id}/stage/sending/{jobId}")
    String sending(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @PathVariable UUID jobId, Model model) {
        projects.get(caller.brandId(), id);
        Job job = jobs.get(caller.brandId(), jobId);
        if (job.status() == JobStatus.RUNNING) {
            model.addAttribute("progress", JobProgress.of(SENDING, sendingUrl(id, jobId), job));
            return "console/projects/progress";
        }
        if (job.status() == JobStatus.FAILED) {
            model.addAttribute("message", "Sending failed: " + job.error());
            return "console/projects/job-failed";
        }
        model.addAttribute("sent", job.total());
        return "console/projects/sent";
    }

    private static String sendingUrl(UUID projectId, UUID jobId) {
        return "/projects/" + projectId + "/stage/sending/" + jobId;
    }

    /** Emails go to exactly the selection: the project (all) or the listed members. */
    private static EmailRequest request(Project project, StageSelection selection, EmailTemplate template) {
        return selection.all()
                ? new EmailRequest(TemplateKind.SALES_TRACKING_ITEMS, null, project.id(), template)
                : new EmailRequest(TemplateKind.SALES_TRACKING_ITEMS, selection.memberIds(), project.id(), template);
    }

    private String page(BrandPrincipal caller, Project project, UUID offerId, StageSelection selection,
            EmailTemplate template, FormErrors errors, boolean previewed, SalesTrackingEmailView.Preview preview,
            JobProgress sending, Model model) {
        String offerName = offers.get(caller.brandId(), offerId).name();
        model.addAttribute("compose", new SalesTrackingEmailView(project.id(), offerId, offerName, selection,
                selection.size(project.memberCount()), template.subject(), template.html(), template.text(),
                errors, previewed, preview, sending));
        return "console/projects/compose";
    }
}
