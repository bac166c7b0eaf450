package io.linkledger.web;

import java.util.ArrayList;
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
import io.linkledger.email.EmailSend;
import io.linkledger.email.EmailTemplate;
import io.linkledger.email.MemberEmails;
import io.linkledger.email.MemberEmails.EmailRequest;
import io.linkledger.email.Sends;
import io.linkledger.email.TemplateKind;
import io.linkledger.jobs.Jobs;
import io.linkledger.offers.Offers;
import io.linkledger.projects.Project;
import io.linkledger.projects.Projects;
import io.linkledger.shared.Page;
import io.linkledger.shared.ProblemException;

/**
 * A project's Sales Tracking stage, step 2: the "Send Sales Tracking Items" email to the
 * selected members, written in Markdown with a live preview per member, confirmed with the
 * number of members, then sent as a job whose delivery log the answer links to. A fragment of
 * the project page: every answer replaces {@code #compose}.
 */
@Controller
class SalesTrackingEmailController {

    private final Projects projects;
    private final Offers offers;
    private final EmailEditing editing;
    private final Sends sends;
    private final Jobs jobs;

    SalesTrackingEmailController(Projects projects, Offers offers, EmailEditing editing, Sends sends, Jobs jobs) {
        this.projects = projects;
        this.offers = offers;
        this.editing = editing;
        this.sends = sends;
        this.jobs = jobs;
    }

    @GetMapping("/projects/{id}/stage/send")
    String compose(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id, @RequestParam UUID offerId,
            @RequestParam(required = false) boolean all, @RequestParam(required = false) List<UUID> memberIds,
            Model model) {
        EmailEditing.Editing email = editing(caller, id, offerId, new StageSelection(all, memberIds));
        return page(email, id, editing.open(email), null, model);
    }

    /** The editor's buttons: preview, save, reset, review (the send confirmation), edit (back from it). */
    @PostMapping("/projects/{id}/stage/email")
    String act(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id, @RequestParam UUID offerId,
            @RequestParam(required = false) boolean all, @RequestParam(required = false) List<UUID> memberIds,
            @RequestParam(required = false) String subject, @RequestParam(required = false) String body,
            @RequestParam(defaultValue = "preview") String action, @RequestParam(required = false) Integer index,
            @RequestParam(required = false) Integer show, Model model) {
        EmailEditing.Editing email = editing(caller, id, offerId, new StageSelection(all, memberIds));
        EmailEditorView editor = editing.act(email, action, new EmailTemplate(subject, body),
                Page.offset(show != null ? show : index));
        return page(email, id, editor, null, model);
    }

    /** The live preview: one member's email as the editor now stands. */
    @PostMapping("/projects/{id}/stage/preview")
    String preview(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id, @RequestParam UUID offerId,
            @RequestParam(required = false) boolean all, @RequestParam(required = false) List<UUID> memberIds,
            @RequestParam(required = false) String subject, @RequestParam(required = false) String body,
            @RequestParam(required = false) Integer index, @RequestParam(required = false) Integer show, Model model) {
        EmailEditing.Editing email = editing(caller, id, offerId, new StageSelection(all, memberIds));
        model.addAttribute("preview", editing.preview(email, new EmailTemplate(subject, body),
                Page.offset(show != null ? show : index)));
        return "console/email/preview";
    }

    @PostMapping("/projects/{id}/stage/send")
    String send(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id, @RequestParam UUID offerId,
            @RequestParam(required = false) boolean all, @RequestParam(required = false) List<UUID> memberIds,
            @RequestParam(required = false) String subject, @RequestParam(required = false) String body,
            @RequestParam UUID sendKey, Model model) {
        EmailEditing.Editing email = editing(caller, id, offerId, new StageSelection(all, memberIds));
        EmailTemplate template = new EmailTemplate(subject, body);
        try {
            MemberEmails.Sending sending = editing.send(email, caller.actor(), template, sendKey);
            return page(email, id, null, progress(caller, id, sending.sendId()), model);
        } catch (ProblemException refused) {
            return page(email, id, editing.refused(email, template, refused), null, model);
        }
    }

    /** The sending's progress; it asks again every half second until the job has queued every email. */
    @GetMapping("/projects/{id}/stage/sending/{sendId}")
    String sending(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id, @PathVariable UUID sendId,
            Model model) {
        projects.get(caller.brandId(), id);
        model.addAttribute("sending", progress(caller, id, sendId));
        return "console/email/sending";
    }

    private SendingView progress(BrandPrincipal caller, UUID projectId, UUID sendId) {
        EmailSend send = sends.get(caller.brandId(), sendId);
        if (!projectId.equals(send.projectId())) {
            throw ProblemException.notFound("Send", sendId);
        }
        return SendingView.of(send, send.jobId() == null ? null : jobs.get(caller.brandId(), send.jobId()),
                "/projects/" + projectId + "/stage/sending/" + sendId);
    }

    /** The stage's email goes to exactly its selection: the project (all) or the listed members. */
    private EmailEditing.Editing editing(BrandPrincipal caller, UUID projectId, UUID offerId, StageSelection selection) {
        Project project = projects.get(caller.brandId(), projectId);
        String base = "/projects/" + project.id() + "/stage/";
        List<EmailEditorView.Hidden> hidden = new ArrayList<>();
        hidden.add(new EmailEditorView.Hidden("offerId", offerId.toString()));
        if (selection.all()) {
            hidden.add(new EmailEditorView.Hidden("all", "true"));
        } else {
            selection.memberIds().forEach(member -> hidden.add(new EmailEditorView.Hidden("memberIds", member.toString())));
        }
        EmailEditorView.Target target = new EmailEditorView.Target(base + "email", base + "preview", base + "send",
                true, hidden);
        return new EmailEditing.Editing(caller.brandId(), offers.get(caller.brandId(), offerId),
                TemplateKind.SALES_TRACKING_ITEMS, target,
                template -> new EmailRequest(TemplateKind.SALES_TRACKING_ITEMS,
                        selection.all() ? null : selection.memberIds(), project.id(), template));
    }

    private static String page(EmailEditing.Editing email, UUID projectId, EmailEditorView editor, SendingView sending,
            Model model) {
        model.addAttribute("compose", new SalesTrackingEmailView(projectId, email.offer().id(), email.offer().name(),
                editor, sending));
        return "console/projects/compose";
    }
}
