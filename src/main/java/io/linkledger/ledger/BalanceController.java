package io.linkledger.ledger;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.linkledger.brands.BrandPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;

@RestController
@RequestMapping("/api/v1/balance")
class BalanceController {

    private final Balances balances;
    private final CardTopUps topUps;

    BalanceController(Balances balances, CardTopUps topUps) {
        this.balances = balances;
        this.topUps = topUps;
    }

    /** {@code {available, pending, pendingTopUps, currency}}; reading settles nothing (a scheduled job does). */
    @GetMapping
    Balance.View get(@AuthenticationPrincipal BrandPrincipal caller, @RequestParam(required = false) String currency) {
        return balances.get(caller.brandId(), balances.currencyOrDefault(currency)).view();
    }

    @PostMapping("/fundings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record money added to the balance")
    Balance.View fund(@AuthenticationPrincipal BrandPrincipal caller, @RequestBody AmountRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return balances.fund(caller.brandId(), request, idempotencyKey).view();
    }

    /**
     * Charges the brand's linked card: 201 when the card payment succeeded (the amount is
     * available), 202 while it is processing (pending; booked when it succeeds), 402 declined,
     * 503 when Stripe's answer is not known (retry with the same Idempotency-Key).
     */
    @ApiResponses({
            @ApiResponse(responseCode = "201", description = "The card payment succeeded; the amount is available"),
            @ApiResponse(responseCode = "202", description = "The card payment is processing; shown as pending"),
            @ApiResponse(responseCode = "402", description = "The card was declined",
                    content = @Content(mediaType = "application/problem+json")),
            @ApiResponse(responseCode = "409", description = "No card, or Stripe refused this server's set-up",
                    content = @Content(mediaType = "application/problem+json")),
            @ApiResponse(responseCode = "503", description = "Stripe's answer is not known: retry with the same key",
                    content = @Content(mediaType = "application/problem+json"))})
    @PostMapping("/top-ups")
    @Operation(summary = "Top up the balance by card")
    ResponseEntity<CardTopUps.TopUp.View> topUp(@AuthenticationPrincipal BrandPrincipal caller,
            @RequestBody AmountRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        CardTopUps.TopUp topUp = topUps.topUp(caller.brandId(), request, idempotencyKey);
        return ResponseEntity.status(topUp.succeeded() ? HttpStatus.CREATED : HttpStatus.ACCEPTED).body(topUp.view());
    }

    @GetMapping("/top-ups")
    @Operation(summary = "List card top-ups")
    Map<String, List<CardCharge.View>> topUps(@AuthenticationPrincipal BrandPrincipal caller) {
        return Map.of("items", topUps.list(caller.brandId()).stream().map(CardCharge::view).toList());
    }
}
