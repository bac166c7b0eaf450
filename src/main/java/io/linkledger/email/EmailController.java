package io.linkledger.email;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.linkledger.brands.BrandPrincipal;
import io.linkledger.shared.Page;

@RestController
class EmailController {

    private final MemberEmails memberEmails;
    private final Mailer mailer;

    EmailController(MemberEmails memberEmails, Mailer mailer) {
        this.memberEmails = memberEmails;
        this.mailer = mailer;
    }

    /** Every member's personalised email, as it would be sent. */
    @PostMapping("/api/v1/offers/{offerId}/emails/preview")
    Page<MemberEmails.Preview> preview(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID offerId,
            @RequestBody MemberEmails.EmailRequest request, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer offset) {
        return memberEmails.preview(caller.brandId(), offerId, request, Page.limit(limit), Page.offset(offset));
    }

    /** Queues the emails through a job; poll {@code /api/v1/jobs/{jobId}} for progress. */
    @PostMapping("/api/v1/offers/{offerId}/emails/send")
    @ResponseStatus(HttpStatus.ACCEPTED)
    MemberEmails.Sending send(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID offerId,
            @RequestBody MemberEmails.EmailRequest request) {
        return memberEmails.send(caller.brandId(), offerId, request);
    }

    /** The delivery log: every message with its status, attempts and last error. */
    @GetMapping("/api/v1/emails")
    Page<OutboxMessage> list(@AuthenticationPrincipal BrandPrincipal caller,
            @RequestParam(required = false) UUID memberId, @RequestParam(required = false) EmailStatus status,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer offset) {
        return mailer.log(caller.brandId(), memberId, status, Page.limit(limit), Page.offset(offset));
    }

    @GetMapping("/api/v1/emails/{id}")
    OutboxMessage get(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id) {
        return mailer.get(caller.brandId(), id);
    }
}
