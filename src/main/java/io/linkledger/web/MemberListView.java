package io.linkledger.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import io.linkledger.members.Member;
import io.linkledger.shared.Page;

/** The Members list: one page of the brand's members matching the search, with how many offers each is in. */
public record MemberListView(Page<Member> members, String q, Map<UUID, Integer> offerCounts, String notice) {

    public int offers(Member member) {
        return offerCounts.getOrDefault(member.id(), 0);
    }

    public boolean searching() {
        return !q.isEmpty();
    }

    /** "1–50 of 230". */
    public String range() {
        if (members.items().isEmpty()) {
            return "0 of " + members.total();
        }
        return (members.offset() + 1) + "–" + (members.offset() + members.items().size()) + " of " + members.total();
    }

    public boolean hasPrevious() {
        return members.offset() > 0;
    }

    public boolean hasNext() {
        return members.offset() + members.items().size() < members.total();
    }

    public String pageUrl(int offset) {
        return "/members?" + (searching() ? "q=" + encoded() + "&" : "") + "offset=" + Math.max(0, offset);
    }

    public String csvHref() {
        return "/members.csv" + (searching() ? "?q=" + encoded() : "");
    }

    private String encoded() {
        return URLEncoder.encode(q, StandardCharsets.UTF_8);
    }
}
