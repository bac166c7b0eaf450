package io.linkledger.conversions;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.linkledger.brands.BrandPrincipal;
import io.linkledger.shared.Money;
import io.linkledger.shared.Page;
import io.linkledger.shared.ProblemException;
import io.swagger.v3.oas.annotations.Operation;

/** The REST API of conversions: list, read with history and holds, approve, release and reverse (one or many). */
@RestController
@RequestMapping("/api/v1/conversions")
class ConversionApiController {

    private final Conversions conversions;

    ConversionApiController(Conversions conversions) {
        this.conversions = conversions;
    }

    record ConversionResponse(UUID id, ConversionStatus status, String orderId, String transactionId, UUID memberId,
            UUID offerId, String amount, String commission, String networkCommission, String currency,
            Conversion.Kind kind, Conversion.AttributedBy attributedBy, String promoCode, UUID integrationId,
            boolean test, String statusReason, List<Hold> holds, UUID paymentId, Instant convertedAt,
            Instant createdAt, Instant updatedAt, List<ChangeView> history) {

        static ConversionResponse of(Conversion c, List<Hold> holds, List<ChangeView> history) {
            Conversion.Credit credit = c.credit();
            Conversion.Source source = c.source();
            Conversion.Amounts amounts = c.amounts();
            Conversion.State state = c.state();
            return new ConversionResponse(c.id(), state.status(), source.orderId(), credit.transactionId(),
                    credit.memberId(), credit.offerId(), amounts.sale().toDecimalString(),
                    amounts.commission().toDecimalString(),
                    amounts.networkCommission() == null ? null : amounts.networkCommission().toDecimalString(),
                    amounts.sale().currency().getCurrencyCode(), source.kind(), credit.by(), credit.promoCode(),
                    source.integrationId(), source.test(), state.reason(), holds, state.paymentId(), source.convertedAt(),
                    state.createdAt(), state.updatedAt(), history);
        }
    }

    record ChangeView(Instant at, String action, String fromStatus, String toStatus, String amount, String commission,
            String networkCommission, String reason) {
    }

    record ReverseRequest(String reason) {
    }

    record BulkRequest(List<UUID> ids, String reason) {
    }

    /** Where a held conversion goes: PENDING (the default) or APPROVED. */
    record ReleaseRequest(ConversionStatus status) {
    }

    record BulkReleaseRequest(List<UUID> ids, ConversionStatus status) {
    }

    @GetMapping
    Page<ConversionResponse> list(@AuthenticationPrincipal BrandPrincipal caller,
            @RequestParam(required = false) UUID offerId, @RequestParam(required = false) UUID memberId,
            @RequestParam(required = false) ConversionStatus status, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer offset) {
        Page<Conversion> page = conversions.list(caller.brandId(), offerId, memberId, status, Page.limit(limit),
                Page.offset(offset));
        Map<UUID, List<Hold>> holds = conversions.holds(page.items().stream().map(Conversion::id).toList());
        return page.map(c -> ConversionResponse.of(c, holds.getOrDefault(c.id(), List.of()), null));
    }

    @GetMapping("/{id}")
    ConversionResponse get(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id) {
        Conversion c = conversions.get(caller.brandId(), id);
        Currency currency = c.amounts().sale().currency();
        List<ChangeView> history = conversions.history(caller.brandId(), id).stream()
                .map(ch -> new ChangeView(ch.at(), ch.action(), ch.fromStatus(), ch.toStatus(),
                        new Money(ch.saleMinor(), currency).toDecimalString(),
                        new Money(ch.commissionMinor(), currency).toDecimalString(),
                        ch.networkCommissionMinor() == null ? null
                                : new Money(ch.networkCommissionMinor(), currency).toDecimalString(),
                        ch.reason()))
                .toList();
        return ConversionResponse.of(c, holdsOf(c), history);
    }

    @PostMapping("/{id}/approve")
    ConversionResponse approve(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id) {
        Conversion c = conversions.approve(caller.brandId(), id);
        return ConversionResponse.of(c, holdsOf(c), null);
    }

    @PostMapping("/{id}/reverse")
    ConversionResponse reverse(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestBody(required = false) ReverseRequest request) {
        Conversion c = conversions.reverse(caller.brandId(), id, request == null ? null : request.reason());
        return ConversionResponse.of(c, holdsOf(c), null);
    }

    @PostMapping("/{id}/release")
    ConversionResponse release(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestBody(required = false) ReleaseRequest request) {
        Conversion c = conversions.release(caller.brandId(), id, request == null ? null : request.status());
        return ConversionResponse.of(c, holdsOf(c), null);
    }

    @PostMapping("/release")
    Conversions.BulkOutcome releaseAll(@AuthenticationPrincipal BrandPrincipal caller,
            @RequestBody BulkReleaseRequest request) {
        if (request != null && request.status() != null && request.status() != ConversionStatus.PENDING
                && request.status() != ConversionStatus.APPROVED) {
            throw ProblemException.invalid("status", "a held conversion is released to PENDING or APPROVED");
        }
        return conversions.releaseAll(caller.brandId(), ids(request == null ? null
                : new BulkRequest(request.ids(), null)), request.status());
    }

    private List<Hold> holdsOf(Conversion c) {
        return conversions.holds(List.of(c.id())).getOrDefault(c.id(), List.of());
    }

    @PostMapping("/approve")
    @Operation(summary = "Approve conversions in bulk")
    Conversions.BulkOutcome approveAll(@AuthenticationPrincipal BrandPrincipal caller, @RequestBody BulkRequest request) {
        return conversions.bulk(caller.brandId(), ids(request), true, null);
    }

    @PostMapping("/reverse")
    @Operation(summary = "Reverse conversions in bulk")
    Conversions.BulkOutcome reverseAll(@AuthenticationPrincipal BrandPrincipal caller, @RequestBody BulkRequest request) {
        return conversions.bulk(caller.brandId(), ids(request), false, request.reason());
    }

    private static List<UUID> ids(BulkRequest request) {
        if (request == null || request.ids() == null || request.ids().isEmpty()) {
            throw ProblemException.invalid("ids", "list the conversion ids to change");
        }
        if (request.ids().size() > 10_000) {
            throw ProblemException.invalid("ids", "at most 10000 per call");
        }
        return request.ids();
    }
}
