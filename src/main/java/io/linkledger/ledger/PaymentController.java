package io.linkledger.ledger;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.linkledger.brands.BrandPrincipal;
import io.linkledger.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

@RestController
@RequestMapping("/api/v1/payments")
class PaymentController {

    private final Payments payments;
    private final PaymentsOverview overview;
    private final PayoutReport report;
    private final PayoutFiles files;
    private final Balances balances;

    PaymentController(Payments payments, PaymentsOverview overview, PayoutReport report, PayoutFiles files,
            Balances balances) {
        this.payments = payments;
        this.overview = overview;
        this.report = report;
        this.files = files;
        this.balances = balances;
    }

    /** 201 with the payment; a retry with the same Idempotency-Key answers the same payment. */
    @PostMapping
    @Operation(summary = "Pay members")
    @ApiResponse(responseCode = "201", description = "The payment (a retry with its Idempotency-Key: the same one)")
    ResponseEntity<Payment.View> pay(@AuthenticationPrincipal BrandPrincipal caller,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody PaymentRequest request) {
        Payments.Outcome outcome = payments.pay(caller.brandId(), idempotencyKey, request);
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Idempotent-Replayed", Boolean.toString(outcome.replayed()))
                .body(outcome.payment().view());
    }

    @GetMapping
    Object list(@AuthenticationPrincipal BrandPrincipal caller, @RequestParam(required = false) UUID memberId,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer offset) {
        if (memberId != null) {
            List<PaymentItem.View> items = payments.forMember(caller.brandId(), memberId).stream()
                    .map(PaymentItem::view).toList();
            return Map.of("memberId", memberId, "items", items);
        }
        return payments.list(caller.brandId(), Page.limit(limit), Page.offset(offset)).map(Payment::view);
    }

    @GetMapping("/overview")
    @Operation(summary = "Get the payments overview (balance and what each member is owed)")
    PaymentsOverview.Overview.View overview(@AuthenticationPrincipal BrandPrincipal caller,
            @RequestParam(required = false) String currency) {
        return overview.get(caller.brandId(), balances.currencyOrDefault(currency)).view();
    }

    /** Members paid in a calendar year (1970 to 9998), flagging the 1099-NEC threshold. */
    @GetMapping("/reports/yearly")
    @Operation(summary = "Get the yearly payout report")
    PayoutReport.Report.View yearly(@AuthenticationPrincipal BrandPrincipal caller, @RequestParam int year,
            @RequestParam(required = false) String currency) {
        return report.yearly(caller.brandId(), year, balances.currencyOrDefault(currency)).view();
    }

    @GetMapping("/{id}")
    Payment.View get(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id) {
        return payments.get(caller.brandId(), id).view();
    }

    /** Asks the payout provider for the latest item statuses now. */
    @PostMapping("/{id}/refresh")
    Payment.View refresh(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id) {
        return payments.refresh(caller.brandId(), id).view();
    }

    /** A manual payment: the brand sent the money, so its members are paid (and emailed). */
    @PostMapping("/{id}/confirm-transfer")
    Payment.View confirmTransfer(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id) {
        return payments.confirmTransfer(caller.brandId(), id, caller.actor()).view();
    }

    /** A manual payment the brand will not send: {@code {reason?}}; the money goes back to the balance. */
    @PostMapping("/{id}/cancel")
    Payment.View cancel(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestBody(required = false) Map<String, String> body) {
        return payments.cancel(caller.brandId(), id, body == null ? null : body.get("reason")).view();
    }

    /**
     * {@code {payoutBatchId}}: a PayPal payment that is UNKNOWN because PayPal reported a
     * duplicate without a link is matched to the batch the brand found in its PayPal account.
     */
    @PostMapping("/{id}/reconcile")
    Payment.View reconcile(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestBody Map<String, String> body) {
        return payments.reconcile(caller.brandId(), id, body.get("payoutBatchId")).view();
    }

    /**
     * The payment's items as PayPal's Payouts Web file (no header row): recipient email, amount,
     * currency, customer id (30 characters of the member's id), note.
     */
    @GetMapping(path = "/{id}/payouts.csv", produces = "text/csv")
    @Operation(summary = "Download the payment as a PayPal Payouts file")
    ResponseEntity<String> payoutsCsv(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id) {
        return csv("payment-" + id + "-paypal.csv", files.payPal(payments.get(caller.brandId(), id)));
    }

    /** The payment's items as a bank transfer list: name, email, amount, currency, reference (header row). */
    @GetMapping(path = "/{id}/bank-transfers.csv", produces = "text/csv")
    @Operation(summary = "Download the payment as a bank transfer list")
    ResponseEntity<String> bankCsv(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id) {
        return csv("payment-" + id + "-bank.csv", files.bank(payments.get(caller.brandId(), id)));
    }

    static ResponseEntity<String> csv(String filename, String body) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .body(body);
    }
}
