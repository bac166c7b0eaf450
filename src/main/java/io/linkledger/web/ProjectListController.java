package io.linkledger.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

import io.linkledger.brands.BrandPrincipal;
import io.linkledger.projects.Project;
import io.linkledger.projects.Projects;
import io.linkledger.shared.Page;
import io.linkledger.shared.ProblemException;

/** Projects: every project of the brand, and the New project form. */
@Controller
class ProjectListController {

    static final int PAGE = 100;

    private final Projects projects;

    ProjectListController(Projects projects) {
        this.projects = projects;
    }

    @GetMapping("/projects")
    String list(@AuthenticationPrincipal BrandPrincipal caller, @RequestParam(required = false) Integer offset,
            Model model) {
        return page(caller, Page.offset(offset), "", FormErrors.NONE, model);
    }

    @PostMapping("/projects")
    String create(@AuthenticationPrincipal BrandPrincipal caller, @RequestParam(required = false) String name,
            Model model, HttpServletResponse response) {
        try {
            Project project = projects.create(caller.brandId(), name);
            return "redirect:/projects/" + project.id();
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            return page(caller, 0, name, FormErrors.of(e), model);
        }
    }

    private String page(BrandPrincipal caller, int offset, String name, FormErrors errors, Model model) {
        model.addAttribute("page", new ProjectListView(projects.list(caller.brandId(), PAGE, offset),
                name == null ? "" : name, errors));
        return "console/projects/list";
    }
}
