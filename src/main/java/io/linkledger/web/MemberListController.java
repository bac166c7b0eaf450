package io.linkledger.web;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.linkledger.assignments.Assignment;
import io.linkledger.assignments.Assignments;
import io.linkledger.brands.BrandPrincipal;
import io.linkledger.members.Member;
import io.linkledger.members.Members;
import io.linkledger.shared.Page;

/** Members: the brand's members, searched by name, email, handle or tag, 50 a page. */
@Controller
class MemberListController {

    static final int PAGE = 50;

    private final Members members;
    private final Assignments assignments;

    MemberListController(Members members, Assignments assignments) {
        this.members = members;
        this.assignments = assignments;
    }

    @GetMapping("/members")
    String list(@AuthenticationPrincipal BrandPrincipal caller, @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer offset, Model model) {
        String search = q == null ? "" : q.trim();
        Page<Member> page = members.list(caller.brandId(), search, PAGE, Page.offset(offset));
        Map<UUID, Integer> offerCounts = new HashMap<>();
        for (Assignment a : assignments.findByMembers(page.items().stream().map(Member::id).toList())) {
            offerCounts.merge(a.memberId(), 1, Integer::sum);
        }
        model.addAttribute("page", new MemberListView(page, search, offerCounts,
                (String) model.getAttribute("notice")));
        return "console/members/list";
    }
}
