package io.linkledger.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.linkledger.brands.BrandPrincipal;
import io.linkledger.email.EmailSend;
import io.linkledger.email.Sends;
import io.linkledger.offers.Offer;
import io.linkledger.offers.Offers;
import io.linkledger.projects.Project;
import io.linkledger.projects.Projects;
import io.linkledger.shared.Page;

/** The list of sends of an offer, or of a project, each leading to its delivery log. */
@Controller
class EmailSendsController {

    private final Offers offers;
    private final Projects projects;
    private final Sends sends;

    EmailSendsController(Offers offers, Projects projects, Sends sends) {
        this.offers = offers;
        this.projects = projects;
        this.sends = sends;
    }

    @GetMapping("/offers/{id}/sends")
    String ofOffer(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam(required = false) Integer page, Model model) {
        Offer offer = offers.get(caller.brandId(), id);
        int number = number(page);
        Page<EmailSend> found = sends.ofOffer(caller.brandId(), id, EmailSendsView.PAGE, offset(number));
        Map<UUID, String> projectNames = new HashMap<>();
        List<EmailSendsView.Row> rows = found.items().stream()
                .map(send -> new EmailSendsView.Row(send, offer.name(), send.projectId() == null ? null
                        : projectNames.computeIfAbsent(send.projectId(),
                                p -> projects.get(caller.brandId(), p).name())))
                .toList();
        model.addAttribute("sends", new EmailSendsView("Emails sent", offer.name(), "/offers/" + id, "offers",
                "/offers/" + id + "/email", "Email Members", rows, number, pages(found), EmailSendsView.offerUrl(id),
                false));
        return "console/sends/list";
    }

    @GetMapping("/projects/{id}/sends")
    String ofProject(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam(required = false) Integer page, Model model) {
        Project project = projects.get(caller.brandId(), id);
        int number = number(page);
        Page<EmailSend> found = sends.ofProject(caller.brandId(), id, EmailSendsView.PAGE, offset(number));
        Map<UUID, String> offerNames = new HashMap<>();
        List<EmailSendsView.Row> rows = found.items().stream()
                .map(send -> new EmailSendsView.Row(send,
                        offerNames.computeIfAbsent(send.offerId(), o -> offers.get(caller.brandId(), o).name()),
                        project.name()))
                .toList();
        model.addAttribute("sends", new EmailSendsView("Emails sent", project.name(), "/projects/" + id, "projects",
                "/projects/" + id, "Sales Tracking stage", rows, number, pages(found),
                EmailSendsView.projectUrl(id), true));
        return "console/sends/list";
    }

    private static int number(Integer page) {
        return page == null || page < 1 ? 1 : page;
    }

    private static int offset(int number) {
        return (number - 1) * EmailSendsView.PAGE;
    }

    private static int pages(Page<EmailSend> page) {
        return (int) Math.max(1, (page.total() + EmailSendsView.PAGE - 1) / EmailSendsView.PAGE);
    }
}
