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
import io.linkledger.shared.ProblemException;

@RestController
class EmailController {

    private final MemberEmails memberEmails;
    private final OutboxRepository outbox;

    EmailController(MemberEmails memberEmails, OutboxRepository outbox) {
        this.memberEmails = memberEmails;
        this.outbox = outbox;
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
        int l = Page.limit(limit);
        int o = Page.offset(offset);
        return new Page<>(outbox.list(caller.brandId(), memberId, status, l, o),
                outbox.count(caller.brandId(), memberId, status), l, o);
    }

    @GetMapping("/api/v1/emails/{id}")
    OutboxMessage get(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id) {
        return outbox.find(id)
                .filter(message -> caller.brandId().equals(message.brandId()))
                .orElseThrow(() -> ProblemException.notFound("Email", id));
    }
}
