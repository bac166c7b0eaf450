package io.linkledger.ledger;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
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

@RestController
@RequestMapping("/api/v1/payment-methods")
class PaymentMethodController {

    private final PaymentMethods methods;

    PaymentMethodController(PaymentMethods methods) {
        this.methods = methods;
    }

    /** Links a card saved with the processor (Stripe {@code pm_...}); replaces the linked card. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    PaymentMethod.View link(@AuthenticationPrincipal BrandPrincipal caller,
            @RequestBody PaymentMethods.LinkRequest request) {
        return methods.link(caller.brandId(), request).view();
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
