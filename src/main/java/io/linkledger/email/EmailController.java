package io.linkledger.email;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.linkledger.brands.BrandPrincipal;
import io.linkledger.shared.Page;
import io.swagger.v3.oas.annotations.Operation;

@RestController
class EmailController {

    private final MemberEmails memberEmails;
    private final Mailer mailer;
    private final Sends sends;

    EmailController(MemberEmails memberEmails, Mailer mailer, Sends sends) {
        this.memberEmails = memberEmails;
        this.mailer = mailer;
        this.sends = sends;
    }

    /** Every member's personalised email, as it would be sent. */
    @PostMapping("/api/v1/offers/{offerId}/emails/preview")
    @Operation(summary = "Preview an email to an offer's members")
    Page<MemberEmails.Preview> preview(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID offerId,
            @RequestBody MemberEmails.EmailRequest request, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer offset) {
        return memberEmails.preview(caller.brandId(), offerId, request, Page.limit(limit), Page.offset(offset));
    }

    /**
     * Queues the emails through a job; poll {@code /api/v1/jobs/{jobId}} for progress and
     * {@code /api/v1/email-sends/{sendId}} for delivery. The same {@code Idempotency-Key} again
     * answers the first send and sends nothing twice.
     */
    @PostMapping("/api/v1/offers/{offerId}/emails/send")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send an email to an offer's members")
    MemberEmails.Sending send(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID offerId,
            @RequestBody MemberEmails.EmailRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return memberEmails.send(caller.brandId(), caller.actor(), offerId, request, key(caller, idempotencyKey));
    }

    /** The delivery log: every message with its status, attempts and last error. */
    @GetMapping("/api/v1/emails")
    Page<OutboxMessage> list(@AuthenticationPrincipal BrandPrincipal caller,
            @RequestParam(required = false) UUID memberId, @RequestParam(required = false) EmailStatus status,
            @RequestParam(required = false) UUID sendId, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer offset) {
        return mailer.log(caller.brandId(), memberId, status, sendId, Page.limit(limit), Page.offset(offset));
    }

    @GetMapping("/api/v1/emails/{id}")
    OutboxMessage get(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id) {
        return mailer.get(caller.brandId(), id);
    }

    /** One send with its emails counted by status. */
    @GetMapping("/api/v1/email-sends/{sendId}")
    @Operation(summary = "Get the progress of an email send")
    EmailSend send(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID sendId) {
        return sends.get(caller.brandId(), sendId);
    }

    /** Queues the send's failed emails again; the same {@code Idempotency-Key} again queues nothing. */
    @PostMapping("/api/v1/email-sends/{sendId}/resend")
    @Operation(summary = "Resend the failed emails of a send")
    Resend resend(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID sendId,
            @RequestHeader("Idempotency-Key") String idempotencyKey) {
        return sends.resendFailed(caller.brandId(), sendId, key(caller, idempotencyKey));
    }

    /** A client's key, made a UUID of its own brand's (two brands' equal keys never meet). */
    private static UUID key(BrandPrincipal caller, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return null;
        }
        return UUID.nameUUIDFromBytes((caller.brandId() + ":" + idempotencyKey.strip()).getBytes(StandardCharsets.UTF_8));
    }
}
