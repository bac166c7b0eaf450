package io.linkledger.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.linkledger.assignments.Assignments;
import io.linkledger.assignments.Assignments.AssignOutcome;
import io.linkledger.assignments.Assignments.AssignRequest;
import io.linkledger.brands.BrandPrincipal;
import io.linkledger.jobs.Job;
import io.linkledger.jobs.JobStatus;
import io.linkledger.jobs.Jobs;
import io.linkledger.members.Member;
import io.linkledger.members.Members;
import io.linkledger.offers.Offer;
import io.linkledger.offers.Offers;
import io.linkledger.projects.Project;
import io.linkledger.projects.Projects;
import io.linkledger.shared.Page;
import io.linkledger.shared.ProblemException;
import io.linkledger.shared.Validation;

/**
 * A project's Sales Tracking stage, step 1 (htmx fragments of the project page): generate
 * the selected members' links, codes and dashboard links for an offer, as a job with a
 * progress bar when the selection is large, then page through them. Step 2 is
 * {@link SalesTrackingEmailController}.
 */
@Controller
class SalesTrackingStageController {

    private static final String GENERATING = "Generating links and codes";

    private final Projects projects;
    private final Members members;
    private final Offers offers;
    private final Assignments assignments;
    private final OfferLinks links;
    private final Jobs jobs;

    SalesTrackingStageController(Projects projects, Members members, Offers offers, Assignments assignments,
            OfferLinks links, Jobs jobs) {
        this.projects = projects;
        this.members = members;
        this.offers = offers;
        this.assignments = assignments;
        this.links = links;
        this.jobs = jobs;
    }

    /**
     * Generates for the selection, on the chosen tier ({@code payoutId}; none keeps each member's
     * tier). {@code membersOffset} is the page of the project's members table to refresh.
     */
    @PostMapping("/projects/{id}/stage/generate")
    String generate(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam(required = false) UUID offerId, @RequestParam(required = false) boolean all,
            @RequestParam(required = false) List<UUID> memberIds, @RequestParam(required = false) UUID payoutId,
            @RequestParam(required = false) Integer membersOffset, Model model) {
        Project project = projects.get(caller.brandId(), id);
        StageSelection selection = new StageSelection(all, memberIds);
        int tableOffset = Page.offset(membersOffset);
        AssignOutcome outcome;
        try {
            new Validation().check(offerId != null, "offerId", "choose an offer")
                    .check(!selection.empty(), "memberIds", "select at least one member")
                    .throwIfInvalid();
            outcome = assignments.assign(caller.brandId(), offerId, assignRequest(project, selection, payoutId));
        } catch (ProblemException e) {
            model.addAttribute("errors", FormErrors.of(e));
            return "console/projects/stage-errors";
        }
        if (outcome.jobId() != null) {
            model.addAttribute("progress", new JobProgress(GENERATING,
                    jobUrl(id, outcome.jobId(), offerId, selection, tableOffset), 0, outcome.total()));
            return "console/projects/progress";
        }
        return links(caller, project, offerId, selection, 0, tableOffset, model);
    }

    /** "All members" assigns the whole project; a hand-picked subset only those. Both are attributed to it. */
    private static AssignRequest assignRequest(Project project, StageSelection selection, UUID payoutId) {
        return selection.all()
                ? new AssignRequest(null, project.id(), payoutId, Map.of())
                : new AssignRequest(selection.memberIds(), project.id(), payoutId, Map.of());
    }

    @GetMapping("/projects/{id}/stage/jobs/{jobId}")
    String generating(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @PathVariable UUID jobId, @RequestParam UUID offerId, @RequestParam(required = false) boolean all,
            @RequestParam(required = false) List<UUID> memberIds,
            @RequestParam(required = false) Integer membersOffset, Model model) {
        Project project = projects.get(caller.brandId(), id);
        Job job = jobs.get(caller.brandId(), jobId);
        StageSelection selection = new StageSelection(all, memberIds);
        int tableOffset = Page.offset(membersOffset);
        if (job.status() == JobStatus.RUNNING) {
            model.addAttribute("progress", JobProgress.of(GENERATING,
                    jobUrl(id, jobId, offerId, selection, tableOffset), job));
            return "console/projects/progress";
        }
        if (job.status() == JobStatus.FAILED) {
            model.addAttribute("message", GENERATING + " failed: " + job.error());
            return "console/projects/job-failed";
        }
        return links(caller, project, offerId, selection, 0, tableOffset, model);
    }

    private static String jobUrl(UUID projectId, UUID jobId, UUID offerId, StageSelection selection,
            int membersOffset) {
        return "/projects/" + projectId + "/stage/jobs/" + jobId + "?offerId=" + offerId + "&" + selection.query()
                + "&membersOffset=" + membersOffset;
    }

    @GetMapping("/projects/{id}/stage/links")
    String linksPage(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam UUID offerId, @RequestParam(required = false) boolean all,
            @RequestParam(required = false) List<UUID> memberIds, @RequestParam(required = false) Integer offset,
            Model model) {
        Project project = projects.get(caller.brandId(), id);
        return links(caller, project, offerId, new StageSelection(all, memberIds), Page.offset(offset), null, model);
    }

    /** A page of the selection's links; with {@code membersOffset}, the project's members table refreshed too. */
    private String links(BrandPrincipal caller, Project project, UUID offerId, StageSelection selection, int offset,
            Integer membersOffset, Model model) {
        UUID brandId = caller.brandId();
        Offer offer = offers.get(brandId, offerId);
        int size = ProjectListController.PAGE;
        List<Member> page;
        long total;
        if (selection.all()) {
            Page<Member> projectPage = projects.members(brandId, project.id(), size, offset);
            page = projectPage.items();
            total = projectPage.total();
        } else {
            List<UUID> ids = selection.memberIds();
            List<UUID> slice = ids.subList(Math.min(offset, ids.size()), Math.min(ids.size(), offset + size));
            Map<UUID, Member> byId = members.getAll(brandId, slice).stream()
                    .collect(Collectors.toMap(Member::id, Function.identity()));
            page = slice.stream().map(byId::get).toList();
            total = ids.size();
        }
        Map<UUID, MemberLinksView> assigned = links.of(offer, page.stream().map(Member::id).toList());
        List<SalesTrackingLinksView.Row> rows = page.stream().filter(m -> assigned.containsKey(m.id()))
                .map(m -> new SalesTrackingLinksView.Row(m.name(), m.email(), assigned.get(m.id()))).toList();
        ProjectMembersTable table = membersOffset == null ? null
                : ProjectMembersTable.load(projects, links, project, offer, membersOffset);
        model.addAttribute("links", new SalesTrackingLinksView(project.id(), offerId, offer.name(), selection, rows,
                total, offset, size, table));
        return "console/projects/links";
    }
}
