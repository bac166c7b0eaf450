package io.linkledger.ledger;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.linkledger.brands.BrandPrincipal;

@RestController
@RequestMapping("/api/v1/remittances")
class RemittanceController {

    private final Remittances remittances;
    private final RemittanceSettlement settlement;
    private final Balances balances;

    RemittanceController(Remittances remittances, RemittanceSettlement settlement, Balances balances) {
        this.remittances = remittances;
        this.settlement = settlement;
        this.balances = balances;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Remittance.View record(@AuthenticationPrincipal BrandPrincipal caller, @RequestBody Remittances.Request request) {
        return remittances.record(caller.brandId(), request).view();
    }

    @GetMapping
    Map<String, List<Remittance.View>> list(@AuthenticationPrincipal BrandPrincipal caller) {
        settlement.settleDue(caller.brandId());
        return Map.of("items", remittances.list(caller.brandId()).stream().map(Remittance::view).toList());
    }

    /** Expected vs received per month, newest first. */
    @GetMapping("/periods")
    Map<String, List<Remittances.Period.View>> periods(@AuthenticationPrincipal BrandPrincipal caller,
            @RequestParam(required = false) String currency, @RequestParam(defaultValue = "12") int months) {
        settlement.settleDue(caller.brandId());
        return Map.of("items", remittances.periods(caller.brandId(), balances.currencyOrDefault(currency),
                Math.max(1, Math.min(months, 60))).stream().map(Remittances.Period::view).toList());
    }
}
