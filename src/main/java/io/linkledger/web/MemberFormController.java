package io.linkledger.web;

import java.util.LinkedHashMap;
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
import io.linkledger.shared.ProblemException;

/** Add member and Edit member: name, email, handle, PayPal email, tags and notes. */
@Controller
class MemberFormController {

    private final Members members;

    MemberFormController(Members members) {
        this.members = members;
    }

    @GetMapping("/members/new")
    String newMember(Model model) {
        model.addAttribute("page", MemberFormView.blank());
        return "console/members/form";
    }

    @PostMapping("/members")
    String create(@AuthenticationPrincipal BrandPrincipal caller, @RequestParam Map<String, String> params,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            Member member = members.create(caller.brandId(), request(params));
            redirect.addFlashAttribute("notice", member.name() + " was added.");
            return "redirect:/members/" + member.id();
        } catch (ProblemException e) {
            return refused(null, params, e, model, response);
        }
    }

    @GetMapping("/members/{id}/edit")
    String edit(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id, Model model) {
        model.addAttribute("page", MemberFormView.of(members.get(caller.brandId(), id)));
        return "console/members/form";
    }

    @PostMapping("/members/{id}")
    String update(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Member member = members.get(caller.brandId(), id);
        try {
            members.update(caller.brandId(), id, request(params));
            redirect.addFlashAttribute("notice", "Changes to " + member.name() + " were saved.");
            return "redirect:/members/" + id;
        } catch (ProblemException e) {
            return refused(member, params, e, model, response);
        }
    }

    /** Every field as typed: an emptied field clears it, an absent one is an empty one. */
    private static MemberRequest request(Map<String, String> params) {
        return new MemberRequest(params.getOrDefault("name", ""), params.getOrDefault("email", ""),
                params.getOrDefault("handle", ""), params.getOrDefault("paypalEmail", ""),
                params.getOrDefault("notes", ""), MemberRequest.tagsFrom(params.get("tags")));
    }

    private static String refused(Member member, Map<String, String> params, ProblemException e, Model model,
            HttpServletResponse response) {
        response.setStatus(e.status().value());
        Map<String, String> typed = new LinkedHashMap<>();
        for (String field : MemberFormView.FIELDS) {
            typed.put(field, params.getOrDefault(field, ""));
        }
        Member duplicate = e instanceof MemberEmailTaken taken ? taken.existing() : null;
        model.addAttribute("page", new MemberFormView(member, new Form(typed, FormErrors.of(e)), duplicate));
        return "console/members/form";
    }
}
