package io.linkledger.web;

import java.util.List;
import java.util.UUID;

import io.linkledger.members.Member;
import io.linkledger.offers.Offer;
import io.linkledger.projects.Project;

/**
 * A project's page: a page of its members with their links and codes in the offer in view, the
 * member search ({@code found} is null until a search ran), its two add-member forms as they were
 * sent ({@code duplicate}: the member who already has the email typed in the new-member form), and
 * the Sales Tracking stage for the offer in view with that offer's tiers.
 */
public record ProjectPageView(ProjectMembersTable table, String q, List<Member> found, List<UUID> inProject,
        FormErrors adding, Form newMember, Member duplicate, boolean duplicateInProject, List<Offer> offers,
        List<Choice> tiers, String notice) {

    public Project project() {
        return table.project();
    }

    public Offer offer() {
        return table.offer();
    }

    public String base() {
        return table.base();
    }
}
