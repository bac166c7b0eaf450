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
import io.linkledger.members.MemberRequest;
import io.linkledger.members.Members;
import io.linkledger.offers.Offers;
import io.linkledger.projects.Project;
import io.linkledger.projects.Projects;
import io.linkledger.shared.Page;
import io.linkledger.shared.ProblemException;

/**
 * One project: its members (add existing ones, create new ones, remove), and the start of its
 * Sales Tracking stage (see {@link SalesTrackingStageController}).
 */
@Controller
class ProjectPageController {

    private static final int SEARCH_RESULTS = 20;

    private final Projects projects;
    private final Members members;
    private final Offers offers;

    ProjectPageController(Projects projects, Members members, Offers offers) {
        this.projects = projects;
        this.members = members;
        this.offers = offers;
    }

    @GetMapping("/projects/{id}")
    String show(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam(required = false) String q, @RequestParam(required = false) Integer offset,
            Model model) {
        return page(caller, id, q, Page.offset(offset), FormErrors.NONE, Form.empty(), model);
    }

    @PostMapping("/projects/{id}/members")
    String addMembers(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam(required = false) List<UUID> memberIds, @RequestParam(required = false) String q,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        projects.get(caller.brandId(), id);
        try {
            int added = projects.addMembers(caller.brandId(), id, memberIds == null ? List.of() : memberIds);
            redirect.addFlashAttribute("notice", added == 1 ? "1 member added." : added + " members added.");
            return "redirect:/projects/" + id;
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            return page(caller, id, q, 0, FormErrors.of(e), Form.empty(), model);
        }
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
            Map<String, String> typed = Map.of("name", name == null ? "" : name, "email", email == null ? "" : email);
            return page(caller, id, null, 0, FormErrors.NONE, new Form(typed, FormErrors.of(e)), model);
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

    private String page(BrandPrincipal caller, UUID id, String q, int offset, FormErrors adding, Form newMember,
            Model model) {
        UUID brandId = caller.brandId();
        Project project = projects.get(brandId, id);
        String search = q == null ? "" : q.trim();
        List<Member> found = search.isEmpty() ? null : members.list(brandId, search, SEARCH_RESULTS, 0).items();
        model.addAttribute("page", new ProjectPageView(project,
                projects.members(brandId, id, ProjectListController.PAGE, offset), search, found,
                found == null ? List.of() : projects.memberIds(brandId, id), adding, newMember,
                offers.list(brandId, null, Page.MAX_LIMIT, 0).items(), (String) model.getAttribute("notice")));
        return "console/projects/show";
    }
}
