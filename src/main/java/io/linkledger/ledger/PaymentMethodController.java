package io.linkledger.ledger;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.linkledger.brands.BrandPrincipal;
import io.swagger.v3.oas.annotations.Operation;

@RestController
@RequestMapping("/api/v1/payment-methods")
class PaymentMethodController {

    private final PaymentMethods methods;

    PaymentMethodController(PaymentMethods methods) {
        this.methods = methods;
    }

    /**
     * Saves a card collected with Stripe ({@code pm_...}) through an off-session SetupIntent and
     * makes it the linked card: 201 with the card, or 202 {@code REQUIRES_ACTION} with the
     * SetupIntent's client secret when the bank asks the cardholder to authenticate (complete it
     * with Stripe.js, then {@code POST /setup-intents/{id}/complete}).
     */
    @ApiResponses({
            @ApiResponse(responseCode = "201", description = "The card is linked",
                    content = @Content(schema = @Schema(implementation = PaymentMethod.View.class))),
            @ApiResponse(responseCode = "202", description = "The cardholder must authenticate with Stripe.js first",
                    content = @Content(schema = @Schema(implementation = PaymentMethods.Linking.View.class))),
            @ApiResponse(responseCode = "400", description = "Stripe refused the card",
                    content = @Content(mediaType = "application/problem+json")),
            @ApiResponse(responseCode = "402", description = "The card was declined",
                    content = @Content(mediaType = "application/problem+json"))})
    @PostMapping
    ResponseEntity<Object> link(@AuthenticationPrincipal BrandPrincipal caller,
            @RequestBody PaymentMethods.LinkRequest request) {
        return answer(methods.link(caller.brandId(), request));
    }

    /** A SetupIntent for a card form in the browser: {@code {setupIntentId, clientSecret, publishableKey}}. */
    @PostMapping("/setup-intents")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start saving a card (Stripe SetupIntent)")
    PaymentMethods.CardSetup start(@AuthenticationPrincipal BrandPrincipal caller) {
        return methods.start(caller.brandId());
    }

    /** After Stripe.js confirmed the SetupIntent: 201 with the linked card, or 202 while authentication is pending. */
    @ApiResponses({
            @ApiResponse(responseCode = "201", description = "The card is linked",
                    content = @Content(schema = @Schema(implementation = PaymentMethod.View.class))),
            @ApiResponse(responseCode = "202", description = "The cardholder must authenticate with Stripe.js first",
                    content = @Content(schema = @Schema(implementation = PaymentMethods.Linking.View.class))),
            @ApiResponse(responseCode = "404", description = "Not a SetupIntent of this brand",
                    content = @Content(mediaType = "application/problem+json")),
            @ApiResponse(responseCode = "402", description = "The card was declined",
                    content = @Content(mediaType = "application/problem+json"))})
    @PostMapping("/setup-intents/{setupIntentId}/complete")
    @Operation(summary = "Finish saving a card")
    ResponseEntity<Object> complete(@AuthenticationPrincipal BrandPrincipal caller,
            @PathVariable String setupIntentId) {
        return answer(methods.complete(caller.brandId(), setupIntentId));
    }

    private static ResponseEntity<Object> answer(PaymentMethods.Linking linking) {
        return linking.linked() ? ResponseEntity.status(HttpStatus.CREATED).body(linking.card().view())
                : ResponseEntity.status(HttpStatus.ACCEPTED).body(linking.view());
    }

    @GetMapping
    Map<String, List<PaymentMethod.View>> list(@AuthenticationPrincipal BrandPrincipal caller) {
        return Map.of("items", methods.list(caller.brandId()).stream().map(PaymentMethod::view).toList());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id) {
        methods.remove(caller.brandId(), id);
    }
}
