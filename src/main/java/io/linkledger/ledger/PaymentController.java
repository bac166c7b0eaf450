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
import io.linkledger.shared.Csv;
import io.linkledger.shared.Page;

@RestController
@RequestMapping("/api/v1/payments")
class PaymentController {

    private final Payments payments;
    private final PaymentsOverview overview;
    private final PayoutReport report;
    private final Balances balances;

    PaymentController(Payments payments, PaymentsOverview overview, PayoutReport report, Balances balances) {
        this.payments = payments;
        this.overview = overview;
        this.report = report;
        this.balances = balances;
    }

    /** 201 with the payment; a retry with the same Idempotency-Key answers the same payment. */
    @PostMapping
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
    PaymentsOverview.Overview.View overview(@AuthenticationPrincipal BrandPrincipal caller,
            @RequestParam(required = false) String currency) {
        return overview.get(caller.brandId(), balances.currencyOrDefault(currency)).view();
    }

    /** Members paid in a calendar year, flagging the 1099-NEC threshold. */
    @GetMapping("/reports/yearly")
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

    /**
     * The payment's items as a PayPal mass payment file (no header row): recipient email,
     * amount, currency, member id, note. Also usable as a bank transfer list.
     */
    @GetMapping(path = "/{id}/payouts.csv", produces = "text/csv")
    ResponseEntity<String> payoutsCsv(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id) {
        Payment payment = payments.get(caller.brandId(), id);
        StringBuilder csv = new StringBuilder();
        for (PaymentItem item : payment.items()) {
            csv.append(Csv.field(item.receiver())).append(',')
                    .append(item.amount().toDecimalString()).append(',')
                    .append(item.currency().getCurrencyCode()).append(',')
                    .append(item.memberId()).append(',')
                    .append(Csv.field("Commission payout " + payment.id())).append("\r\n");
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"payment-" + id + ".csv\"")
                .body(csv.toString());
    }
}
