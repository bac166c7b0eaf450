package io.linkledger.ledger;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.linkledger.brands.BrandPrincipal;
import io.swagger.v3.oas.annotations.Operation;

@RestController
@RequestMapping("/api/v1/remittances")
class RemittanceController {

    private final Remittances remittances;
    private final Balances balances;

    RemittanceController(Remittances remittances, Balances balances) {
        this.remittances = remittances;
        this.balances = balances;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a remittance received from a network")
    Remittance.View record(@AuthenticationPrincipal BrandPrincipal caller, @RequestBody Remittances.Request request) {
        return remittances.record(caller.brandId(), request).view();
    }

    @GetMapping
    Map<String, List<Remittance.View>> list(@AuthenticationPrincipal BrandPrincipal caller) {
        return Map.of("items", remittances.list(caller.brandId()).stream().map(Remittance::view).toList());
    }

    /** {@code {reason}}: a balancing entry takes a wrong remittance out of the books. */
    @PostMapping("/{id}/void")
    Remittance.View voidRemittance(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestBody VoidRequest request) {
        return remittances.voidRemittance(caller.brandId(), id, request.reason()).view();
    }

    record VoidRequest(String reason) {
    }

    /** Expected vs received per month, newest first. */
    @GetMapping("/periods")
    @Operation(summary = "List remittance periods (expected and received)")
    Map<String, List<Remittances.Period.View>> periods(@AuthenticationPrincipal BrandPrincipal caller,
            @RequestParam(required = false) String currency, @RequestParam(defaultValue = "12") int months) {
        return Map.of("items", remittances.periods(caller.brandId(), balances.currencyOrDefault(currency),
                Math.max(1, Math.min(months, 60))).stream().map(Remittances.Period::view).toList());
    }
}
