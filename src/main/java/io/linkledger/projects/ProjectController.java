package io.linkledger.projects;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.linkledger.brands.BrandPrincipal;
import io.linkledger.members.Member;
import io.linkledger.shared.Page;
import io.swagger.v3.oas.annotations.Operation;

@RestController
@RequestMapping("/api/v1/projects")
class ProjectController {

    private final Projects projects;

    ProjectController(Projects projects) {
        this.projects = projects;
    }

    record ProjectRequest(String name) {
    }

    record MembersRequest(List<UUID> memberIds) {
    }

    record MembersAdded(int added, long memberCount) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Project create(@AuthenticationPrincipal BrandPrincipal caller, @RequestBody ProjectRequest request) {
        return projects.create(caller.brandId(), request.name());
    }

    @GetMapping
    Page<Project> list(@AuthenticationPrincipal BrandPrincipal caller, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer offset) {
        return projects.list(caller.brandId(), Page.limit(limit), Page.offset(offset));
    }

    @GetMapping("/{id}")
    Project get(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id) {
        return projects.get(caller.brandId(), id);
    }

    @GetMapping("/{id}/members")
    @Operation(summary = "List a project's members")
    Page<Member> members(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer offset) {
        return projects.members(caller.brandId(), id, Page.limit(limit), Page.offset(offset));
    }

    @PostMapping("/{id}/members")
    @Operation(summary = "Add members to a project")
    MembersAdded addMembers(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestBody MembersRequest request) {
        int added = projects.addMembers(caller.brandId(), id, request.memberIds());
        return new MembersAdded(added, projects.get(caller.brandId(), id).memberCount());
    }

    @DeleteMapping("/{id}/members/{memberId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a member from a project")
    void removeMember(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @PathVariable UUID memberId) {
        projects.removeMember(caller.brandId(), id, memberId);
    }
}
