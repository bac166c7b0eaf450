package io.linkledger.web;

import java.util.Map;
import java.util.UUID;

import io.linkledger.members.Member;
import io.linkledger.offers.Offer;
import io.linkledger.projects.Project;
import io.linkledger.projects.Projects;
import io.linkledger.shared.Page;

/**
 * A page of a project's members and, for the offer in view (null when the brand has none), each
 * one's tracking link, promo code, dashboard link and tier: whatever was generated, on every visit.
 */
public record ProjectMembersTable(Project project, Page<Member> members, Offer offer,
        Map<UUID, MemberLinksView> links) {

    /** A page of the project's members (100 a page) and their links in {@code offer}. */
    static ProjectMembersTable load(Projects projects, OfferLinks links, Project project, Offer offer, int offset) {
        Page<Member> page = projects.members(project.brandId(), project.id(), ProjectListController.PAGE, offset);
        return new ProjectMembersTable(project, page, offer,
                offer == null ? Map.of() : links.of(offer, page.items().stream().map(Member::id).toList()));
    }

    public MemberLinksView linksOf(Member member) {
        return links.get(member.id());
    }

    public int generated() {
        return links.size();
    }

    public String base() {
        return "/projects/" + project.id();
    }

    /** The project page at another page of members, with the same offer in view. */
    public String pageUrl(int offset) {
        return base() + "?" + (offer == null ? "" : "offer=" + offer.id() + "&") + "offset=" + Math.max(0, offset);
    }

    public boolean hasPrevious() {
        return members.offset() > 0;
    }

    public boolean hasNext() {
        return members.offset() + members.items().size() < members.total();
    }
}
