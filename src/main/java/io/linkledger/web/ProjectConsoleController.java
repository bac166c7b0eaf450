package io.linkledger.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

import io.linkledger.brands.BrandPrincipal;
import io.linkledger.email.EmailTemplate;
import io.linkledger.email.MemberEmails;
import io.linkledger.email.MemberEmails.EmailRequest;
import io.linkledger.email.TemplateKind;
import io.linkledger.email.Templates;
import io.linkledger.jobs.Job;
import io.linkledger.jobs.JobStatus;
import io.linkledger.jobs.Jobs;
import io.linkledger.members.Member;
import io.linkledger.members.MemberRequest;
import io.linkledger.members.Members;
import io.linkledger.offers.Offer;
import io.linkledger.offers.Offers;
import io.linkledger.projects.Project;
import io.linkledger.projects.Projects;
import io.linkledger.shared.FieldIssue;
import io.linkledger.shared.Page;
import io.linkledger.shared.ProblemException;
import io.linkledger.shared.PublicUrls;
import io.linkledger.assignments.Assignment;
import io.linkledger.assignments.Assignments;
import io.linkledger.assignments.Assignments.AssignOutcome;
import io.linkledger.assignments.Assignments.AssignRequest;
import io.linkledger.web.ProjectViews.Compose;
import io.linkledger.web.ProjectViews.Errors;
import io.linkledger.web.ProjectViews.LinkRow;
import io.linkledger.web.ProjectViews.Links;
import io.linkledger.web.ProjectViews.PreviewPage;
import io.linkledger.web.ProjectViews.Progress;
import io.linkledger.web.ProjectViews.Selection;

/**
 * Projects in the console: the list, a project's members, and its Sales Tracking stage
 * (choose an offer and members, generate links and codes, then compose, preview and send
 * the "Send Sales Tracking Items" email). Stage steps are htmx fragments; their state
 * travels in the forms, so nothing is kept in the session.
 */
@Controller
class ProjectConsoleController {

    static final int PAGE = 100;
    private static final int SEARCH_RESULTS = 20;

    private final Projects projects;
    private final Members members;
    private final Offers offers;
    private final Assignments assignments;
    private final MemberEmails memberEmails;
    private final Templates templates;
    private final Jobs jobs;
    private final PublicUrls urls;

    ProjectConsoleController(Projects projects, Members members, Offers offers, Assignments assignments,
            MemberEmails memberEmails, Templates templates, Jobs jobs, PublicUrls urls) {
        this.projects = projects;
        this.members = members;
        this.offers = offers;
        this.assignments = assignments;
        this.memberEmails = memberEmails;
        this.templates = templates;
        this.jobs = jobs;
        this.urls = urls;
    }

    // ---- Projects list ----

    @GetMapping("/projects")
    String list(@AuthenticationPrincipal BrandPrincipal caller, @RequestParam(required = false) Integer offset,
            Model model) {
        return listPage(caller, Page.offset(offset), "", Errors.NONE, model);
    }

    @PostMapping("/projects")
    String create(@AuthenticationPrincipal BrandPrincipal caller, @RequestParam(required = false) String name,
            Model model, HttpServletResponse response) {
        try {
            Project project = projects.create(caller.brandId(), name);
            return "redirect:/projects/" + project.id();
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            return listPage(caller, 0, name, new Errors(issues(e, "name")), model);
        }
    }

    private String listPage(BrandPrincipal caller, int offset, String name, Errors errors, Model model) {
        model.addAttribute("projects", projects.list(caller.brandId(), PAGE, offset));
        model.addAttribute("name", name == null ? "" : name);
        model.addAttribute("errors", errors);
        return "console/projects/list";
    }

    // ---- One project and its members ----

    @GetMapping("/projects/{id}")
    String show(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam(required = false) String q, @RequestParam(required = false) Integer offset,
            Model model) {
        return showPage(caller, id, q, Page.offset(offset), "", "", Errors.NONE, model);
    }

    @PostMapping("/projects/{id}/members")
    String addMembers(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam(required = false) List<UUID> memberIds, @RequestParam(required = false) String q,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        int added;
        try {
            added = projects.addMembers(caller.brandId(), id, memberIds == null ? List.of() : memberIds);
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            return showPage(caller, id, q, 0, "", "", new Errors(issues(e, "memberIds")), model);
        }
        redirect.addFlashAttribute("notice", added == 1 ? "1 member added." : added + " members added.");
        return "redirect:/projects/" + id;
    }

    @PostMapping("/projects/{id}/members/new")
    String createMember(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam(required = false) String name, @RequestParam(required = false) String email,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        projects.get(caller.brandId(), id);
        try {
            Member member = members.create(caller.brandId(), new MemberRequest(name, email, null, null));
            projects.addMembers(caller.brandId(), id, List.of(member.id()));
            redirect.addFlashAttribute("notice", member.name() + " was created and added.");
            return "redirect:/projects/" + id;
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            return showPage(caller, id, null, 0, name, email, new Errors(issues(e, "email")), model);
        }
    }

    @PostMapping("/projects/{id}/members/{memberId}/remove")
    String removeMember(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @PathVariable UUID memberId, RedirectAttributes redirect) {
        Member member = members.get(caller.brandId(), memberId);
        projects.removeMember(caller.brandId(), id, memberId);
        redirect.addFlashAttribute("notice", member.name() + " was removed from the project.");
        return "redirect:/projects/" + id;
    }

    private String showPage(BrandPrincipal caller, UUID id, String q, int offset, String name, String email,
            Errors errors, Model model) {
        Project project = projects.get(caller.brandId(), id);
        Page<Member> inProject = projects.members(caller.brandId(), id, PAGE, offset);
        String search = q == null ? "" : q.trim();
        List<Member> found = search.isEmpty() ? null
                : members.list(caller.brandId(), search, SEARCH_RESULTS, 0).items();
        model.addAttribute("project", project);
        model.addAttribute("members", inProject);
        model.addAttribute("q", search);
        model.addAttribute("found", found);
        model.addAttribute("inProject", found == null ? List.of()
                : projects.memberIds(caller.brandId(), id));
        model.addAttribute("newName", name == null ? "" : name);
        model.addAttribute("newEmail", email == null ? "" : email);
        model.addAttribute("errors", errors);
        model.addAttribute("offers", offers.list(caller.brandId(), null, Page.MAX_LIMIT, 0).items());
        if (!model.containsAttribute("notice")) {
            model.addAttribute("notice", null);
        }
        return "console/projects/show";
    }

    // ---- Sales Tracking stage, step 1: generate links and codes ----

    @PostMapping("/projects/{id}/stage/generate")
    String generate(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam(required = false) UUID offerId, @RequestParam(required = false) boolean all,
            @RequestParam(required = false) List<UUID> memberIds, Model model) {
        Project project = projects.get(caller.brandId(), id);
        Selection selection = new Selection(all, memberIds);
        List<FieldIssue> problems = new ArrayList<>();
        if (offerId == null) {
            problems.add(new FieldIssue("offerId", "choose an offer"));
        }
        if (selection.empty()) {
            problems.add(new FieldIssue("memberIds", "select at least one member"));
        }
        if (!problems.isEmpty()) {
            model.addAttribute("errors", new Errors(problems));
            return "console/projects/stage-errors";
        }
        AssignOutcome outcome;
        try {
            outcome = assignments.assign(caller.brandId(), offerId, assignRequest(project, selection));
        } catch (ProblemException e) {
            model.addAttribute("errors", new Errors(issues(e, "offerId")));
            return "console/projects/stage-errors";
        }
        if (outcome.jobId() != null) {
            model.addAttribute("progress", new Progress("Generating links and codes",
                    "/projects/" + id + "/stage/jobs/" + outcome.jobId() + "?offerId=" + offerId + "&"
                            + selection.query(), 0, outcome.total()));
            return "console/projects/progress";
        }
        return links(caller, project, offerId, selection, 0, model);
    }

    /** "All members" assigns the whole project; a hand-picked subset only those. Both are attributed to it. */
    private static AssignRequest assignRequest(Project project, Selection selection) {
        return selection.all()
                ? new AssignRequest(null, project.id(), null, Map.of())
                : new AssignRequest(selection.memberIds(), project.id(), null, Map.of());
    }

    @GetMapping("/projects/{id}/stage/jobs/{jobId}")
    String generating(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @PathVariable UUID jobId, @RequestParam UUID offerId, @RequestParam(required = false) boolean all,
            @RequestParam(required = false) List<UUID> memberIds, Model model) {
        Project project = projects.get(caller.brandId(), id);
        Job job = jobs.get(caller.brandId(), jobId);
        Selection selection = new Selection(all, memberIds);
        if (job.status() == JobStatus.RUNNING) {
            model.addAttribute("progress", new Progress("Generating links and codes",
                    "/projects/" + id + "/stage/jobs/" + jobId + "?offerId=" + offerId + "&" + selection.query(),
                    job.done(), job.total()));
            return "console/projects/progress";
        }
        if (job.status() == JobStatus.FAILED) {
            model.addAttribute("message", "Generating links and codes failed: " + job.error());
            return "console/projects/job-failed";
        }
        return links(caller, project, offerId, selection, 0, model);
    }

    @GetMapping("/projects/{id}/stage/links")
    String linksPage(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam UUID offerId, @RequestParam(required = false) boolean all,
            @RequestParam(required = false) List<UUID> memberIds, @RequestParam(required = false) Integer offset,
            Model model) {
        Project project = projects.get(caller.brandId(), id);
        return links(caller, project, offerId, new Selection(all, memberIds), Page.offset(offset), model);
    }

    private String links(BrandPrincipal caller, Project project, UUID offerId, Selection selection, int offset,
            Model model) {
        Offer offer = offers.get(caller.brandId(), offerId);
        List<Member> page;
        long total;
        if (selection.all()) {
            Page<Member> projectPage = projects.members(caller.brandId(), project.id(), PAGE, offset);
            page = projectPage.items();
            total = projectPage.total();
        } else {
            List<UUID> ids = selection.memberIds();
            List<UUID> slice = ids.subList(Math.min(offset, ids.size()), Math.min(ids.size(), offset + PAGE));
            Map<UUID, Member> byId = members.getAll(caller.brandId(), slice).stream()
                    .collect(Collectors.toMap(Member::id, Function.identity()));
            page = slice.stream().map(byId::get).toList();
            total = ids.size();
        }
        Map<UUID, Assignment> assigned = assignments
                .forMembers(caller.brandId(), offerId, page.stream().map(Member::id).toList()).stream()
                .collect(Collectors.toMap(Assignment::memberId, Function.identity()));
        List<LinkRow> rows = page.stream().filter(m -> assigned.containsKey(m.id()))
                .map(m -> row(m, offer, assigned.get(m.id()))).toList();
        model.addAttribute("links", new Links(project.id(), offerId, offer.name(), selection, rows, total, offset,
                PAGE));
        model.addAttribute("first", offset == 0);
        return "console/projects/links";
    }

    private LinkRow row(Member member, Offer offer, Assignment a) {
        return new LinkRow(member.name(), member.email(),
                offer.type().hasLink() ? urls.trackingLink(a.linkCode()) : null,
                offer.type().hasCode() ? a.promoCode() : null,
                a.dashboardToken() == null ? null : urls.dashboardLink(a.dashboardToken()));
    }

    // ---- Sales Tracking stage, step 2: compose, preview and send ----

    @GetMapping("/projects/{id}/stage/send")
    String compose(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam UUID offerId, @RequestParam(required = false) boolean all,
            @RequestParam(required = false) List<UUID> memberIds, Model model) {
        Project project = projects.get(caller.brandId(), id);
        EmailTemplate template = templates.get(caller.brandId(), TemplateKind.SALES_TRACKING_ITEMS);
        return composePage(caller, project, offerId, new Selection(all, memberIds), template, Errors.NONE, false,
                null, null, model);
    }

    @PostMapping("/projects/{id}/stage/preview")
    String preview(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam UUID offerId, @RequestParam(required = false) boolean all,
            @RequestParam(required = false) List<UUID> memberIds, @RequestParam(required = false) String subject,
            @RequestParam(required = false) String html, @RequestParam(required = false) String text,
            @RequestParam(required = false) Integer index, Model model) {
        Project project = projects.get(caller.brandId(), id);
        Selection selection = new Selection(all, memberIds);
        EmailTemplate template = new EmailTemplate(subject, html, text);
        int at = Page.offset(index);
        try {
            Page<MemberEmails.Preview> page = memberEmails.preview(caller.brandId(), offerId,
                    emailRequest(project, selection, template), 1, at);
            MemberEmails.Preview p = page.items().isEmpty() ? null : page.items().getFirst();
            PreviewPage shown = p == null ? null
                    : new PreviewPage(id, p.to(), p.subject(), p.html(), p.text(), at, page.total());
            return composePage(caller, project, offerId, selection, template, Errors.NONE, true, shown, null, model);
        } catch (ProblemException e) {
            return composePage(caller, project, offerId, selection, template, new Errors(issues(e, "subject")),
                    false, null, null, model);
        }
    }

    @PostMapping("/projects/{id}/stage/send")
    String send(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam UUID offerId, @RequestParam(required = false) boolean all,
            @RequestParam(required = false) List<UUID> memberIds, @RequestParam(required = false) String subject,
            @RequestParam(required = false) String html, @RequestParam(required = false) String text,
            Model model) {
        Project project = projects.get(caller.brandId(), id);
        Selection selection = new Selection(all, memberIds);
        EmailTemplate template = new EmailTemplate(subject, html, text);
        try {
            MemberEmails.Sending sending = memberEmails.send(caller.brandId(), offerId,
                    emailRequest(project, selection, template));
            Progress progress = new Progress("Sending emails",
                    "/projects/" + id + "/stage/sending/" + sending.jobId(), 0, sending.total());
            return composePage(caller, project, offerId, selection, template, Errors.NONE, false, null, progress,
                    model);
        } catch (ProblemException e) {
            return composePage(caller, project, offerId, selection, template, new Errors(issues(e, "subject")),
                    false, null, null, model);
        }
    }

    @GetMapping("/projects/{id}/stage/sending/{jobId}")
    String sending(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @PathVariable UUID jobId, Model model) {
        projects.get(caller.brandId(), id);
        Job job = jobs.get(caller.brandId(), jobId);
        if (job.status() == JobStatus.RUNNING) {
            model.addAttribute("progress", new Progress("Sending emails",
                    "/projects/" + id + "/stage/sending/" + jobId, job.done(), job.total()));
            return "console/projects/progress";
        }
        if (job.status() == JobStatus.FAILED) {
            model.addAttribute("message", "Sending failed: " + job.error());
            return "console/projects/job-failed";
        }
        model.addAttribute("sent", job.total());
        return "console/projects/sent";
    }

    /** Emails go to exactly the selection: the project (all) or the listed members. */
    private static EmailRequest emailRequest(Project project, Selection selection, EmailTemplate template) {
        return selection.all()
                ? new EmailRequest(TemplateKind.SALES_TRACKING_ITEMS, null, project.id(), template)
                : new EmailRequest(TemplateKind.SALES_TRACKING_ITEMS, selection.memberIds(), project.id(), template);
    }

    private String composePage(BrandPrincipal caller, Project project, UUID offerId, Selection selection,
            EmailTemplate template, Errors errors, boolean previewed, PreviewPage preview, Progress sending,
            Model model) {
        Offer offer = offers.get(caller.brandId(), offerId);
        model.addAttribute("compose", new Compose(project.id(), offerId, offer.name(), selection,
                selection.size(project.memberCount()), template.subject(), template.html(), template.text(),
                errors, previewed, preview, sending));
        return "console/projects/compose";
    }

    /** The problem's field issues, or its detail under {@code field} when it names none. */
    private static List<FieldIssue> issues(ProblemException e, String field) {
        if (e.status() == HttpStatus.NOT_FOUND && e.fieldIssues().isEmpty()) {
            throw e;
        }
        return e.fieldIssues().isEmpty() ? List.of(new FieldIssue(field, e.getMessage()))
                : e.fieldIssues();
    }
}
