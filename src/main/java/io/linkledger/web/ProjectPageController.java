package io.linkledger.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import io.linkledger.members.Member;
import io.linkledger.members.MemberEmailTaken;
import io.linkledger.members.MemberRequest;
import io.linkledger.members.Members;
import io.linkledger.offers.Offer;
import io.linkledger.offers.Offers;
import io.linkledger.projects.Project;
import io.linkledger.projects.Projects;
import io.linkledger.shared.Page;
import io.linkledger.shared.ProblemException;

/**
 * One project: its members with their links and codes in the offer in view (add existing members,
 * create new ones, remove), and the start of its Sales Tracking stage (see
 * {@link SalesTrackingStageController}).
 */
@Controller
class ProjectPageController {

    private static final int SEARCH_RESULTS = 20;

    private final Projects projects;
    private final Members members;
    private final Offers offers;
    private final OfferLinks links;

    ProjectPageController(Projects projects, Members members, Offers offers, OfferLinks links) {
        this.projects = projects;
        this.members = members;
        this.offers = offers;
        this.links = links;
    }

    @GetMapping("/projects/{id}")
    String show(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam(required = false) String q, @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) UUID offer, Model model) {
        return page(caller, id, offer, q, Page.offset(offset), FormErrors.NONE, Form.empty(), null, model);
    }

    @PostMapping("/projects/{id}/members")
    String addMembers(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam(required = false) List<UUID> memberIds, @RequestParam(required = false) String q,
            @RequestParam(required = false) UUID offer, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        projects.get(caller.brandId(), id);
        try {
            int added = projects.addMembers(caller.brandId(), id, memberIds == null ? List.of() : memberIds);
            redirect.addFlashAttribute("notice", added == 1 ? "1 member added."
                    : added == 0 ? "They are in the project already." : added + " members added.");
            return "redirect:" + pageUrl(id, offer);
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            return page(caller, id, offer, q, 0, FormErrors.of(e), Form.empty(), null, model);
        }
    }

    /**
     * Creates a member and adds them to the project. When the email belongs to a member already,
     * the page names them and offers to add that member instead.
     */
    @PostMapping("/projects/{id}/members/new")
    String createMember(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam(required = false) String name, @RequestParam(required = false) String email,
            @RequestParam(required = false) UUID offer, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        projects.get(caller.brandId(), id);
        try {
            Member member = members.create(caller.brandId(), new MemberRequest(name, email, null, null));
            projects.addMembers(caller.brandId(), id, List.of(member.id()));
            redirect.addFlashAttribute("notice", member.name() + " was created and added.");
            return "redirect:" + pageUrl(id, offer);
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            Map<String, String> typed = Map.of("name", name == null ? "" : name, "email", email == null ? "" : email);
            Member duplicate = e instanceof MemberEmailTaken taken ? taken.existing() : null;
            return page(caller, id, offer, null, 0, FormErrors.NONE, new Form(typed, FormErrors.of(e)), duplicate,
                    model);
        }
    }

    @PostMapping("/projects/{id}/members/{memberId}/remove")
    String removeMember(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @PathVariable UUID memberId, @RequestParam(required = false) UUID offer, RedirectAttributes redirect) {
        Member member = members.get(caller.brandId(), memberId);
        projects.removeMember(caller.brandId(), id, memberId);
        redirect.addFlashAttribute("notice", member.name() + " was removed from the project.");
        return "redirect:" + pageUrl(id, offer);
    }

    private static String pageUrl(UUID projectId, UUID offer) {
        return "/projects/" + projectId + (offer == null ? "" : "?offer=" + offer);
    }

    private String page(BrandPrincipal caller, UUID id, UUID offerId, String q, int offset, FormErrors adding,
            Form newMember, Member duplicate, Model model) {
        UUID brandId = caller.brandId();
        Project project = projects.get(brandId, id);
        String search = q == null ? "" : q.trim();
        List<Member> found = search.isEmpty() ? null : members.list(brandId, search, SEARCH_RESULTS, 0).items();
        List<Offer> stageOffers = offers.list(brandId, null, Page.MAX_LIMIT, 0).items();
        Offer offer = inView(stageOffers, offerId);
        ProjectMembersTable table = ProjectMembersTable.load(projects, links, project, offer, offset);
        List<UUID> inProject = found == null && duplicate == null ? List.of() : projects.memberIds(brandId, id);
        model.addAttribute("page", new ProjectPageView(table, search, found, inProject, adding, newMember, duplicate,
                duplicate != null && inProject.contains(duplicate.id()), stageOffers,
                offer == null ? List.of() : TierChoices.of(offer, null), (String) model.getAttribute("notice")));
        return "console/projects/show";
    }

    /** The offer chosen, else the first of the brand's offers; null when the brand has none. */
    private static Offer inView(List<Offer> offers, UUID chosen) {
        return offers.stream().filter(o -> o.id().equals(chosen)).findFirst()
                .orElse(offers.isEmpty() ? null : offers.getFirst());
    }
}
