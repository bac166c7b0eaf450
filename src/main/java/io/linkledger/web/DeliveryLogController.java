package io.linkledger.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.linkledger.brands.BrandPrincipal;
import io.linkledger.email.EmailSend;
import io.linkledger.email.EmailStatus;
import io.linkledger.email.Resend;
import io.linkledger.email.Sends;
import io.linkledger.jobs.Jobs;
import io.linkledger.offers.Offer;
import io.linkledger.offers.Offers;
import io.linkledger.projects.Projects;
import io.linkledger.shared.ProblemException;

/**
 * A send's delivery log: each member's email with its status and failure reason, refreshing
 * itself while emails are on their way, and "resend the failed ones".
 */
@Controller
class DeliveryLogController {

    /** Tells htmx to stop polling: the send has nothing more to show. */
    private static final int STOP_POLLING = 286;

    private final Offers offers;
    private final Projects projects;
    private final Sends sends;
    private final Jobs jobs;

    DeliveryLogController(Offers offers, Projects projects, Sends sends, Jobs jobs) {
        this.offers = offers;
        this.projects = projects;
        this.sends = sends;
        this.jobs = jobs;
    }

    @GetMapping("/offers/{offerId}/sends/{sendId}")
    String log(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID offerId, @PathVariable UUID sendId,
            @RequestParam(required = false) EmailStatus status, @RequestParam(required = false) Integer page,
            Model model) {
        model.addAttribute("log", view(caller, offerId, sendId, status, page));
        return "console/sends/log";
    }

    /** The refreshing part of the page: counts, table and resend button. */
    @GetMapping("/offers/{offerId}/sends/{sendId}/deliveries")
    String deliveries(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID offerId,
            @PathVariable UUID sendId, @RequestParam(required = false) EmailStatus status,
            @RequestParam(required = false) Integer page, Model model, HttpServletResponse response) {
        DeliveryLogView log = view(caller, offerId, sendId, status, page);
        if (!log.refreshing()) {
            response.setStatus(STOP_POLLING);
        }
        model.addAttribute("log", log);
        model.addAttribute("refresh", true);
        return "console/sends/deliveries";
    }

    @PostMapping("/offers/{offerId}/sends/{sendId}/resend")
    String resend(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID offerId, @PathVariable UUID sendId,
            @RequestParam UUID key, RedirectAttributes redirect) {
        send(caller, offerId, sendId);
        Resend resend = sends.resendFailed(caller.brandId(), sendId, key);
        redirect.addFlashAttribute("notice", resend.repeated()
                ? "These failed emails were already queued again; nothing was queued twice."
                : resend.requeued() == 0 ? "No email had failed: nothing to resend."
                : resend.requeued() + (resend.requeued() == 1 ? " failed email is" : " failed emails are")
                        + " queued again.");
        return "redirect:" + DeliveryLogView.url(offerId, sendId);
    }

    private DeliveryLogView view(BrandPrincipal caller, UUID offerId, UUID sendId, EmailStatus status, Integer page) {
        Offer offer = offers.get(caller.brandId(), offerId);
        EmailSend send = send(caller, offerId, sendId);
        int pageNumber = page == null || page < 1 ? 1 : page;
        SendingView queuing = send.jobId() == null ? null
                : SendingView.of(send, jobs.get(caller.brandId(), send.jobId()), null);
        List<Resend> resends = sends.resends(caller.brandId(), sendId);
        String projectName = send.projectId() == null ? null : projects.get(caller.brandId(), send.projectId()).name();
        return new DeliveryLogView(offer.id(), offer.name(), projectName, send, queuing,
                sends.deliveries(caller.brandId(), sendId, status, DeliveryLogView.PAGE,
                        (pageNumber - 1) * DeliveryLogView.PAGE),
                status, resends, resendKey(sendId, resends.size()), sends.delivering());
    }

    /**
     * The key of the next resend of this send: the same for every render until a resend is made,
     * so a second press of the same button (or of the same button in another tab) queues nothing.
     */
    private static UUID resendKey(UUID sendId, int earlierResends) {
        return UUID.nameUUIDFromBytes((sendId + "/resend/" + earlierResends).getBytes(StandardCharsets.UTF_8));
    }

    private EmailSend send(BrandPrincipal caller, UUID offerId, UUID sendId) {
        EmailSend send = sends.get(caller.brandId(), sendId);
        if (!send.offerId().equals(offerId)) {
            throw ProblemException.notFound("Send", sendId);
        }
        return send;
    }
}
