package io.linkledger.web;

import java.util.List;
import java.util.UUID;

import io.linkledger.members.Member;
import io.linkledger.offers.Offer;
import io.linkledger.projects.Project;
import io.linkledger.shared.Page;

/**
 * A project's page: a page of its members, the member search ({@code found} is null until a
 * search ran), its two add-member forms as they were sent, and the offers its stage can use.
 */
public record ProjectPageView(Project project, Page<Member> members, String q, List<Member> found,
        List<UUID> inProject, FormErrors adding, Form newMember, List<Offer> offers, String notice) {

    public String base() {
        return "/projects/" + project.id();
    }
}
