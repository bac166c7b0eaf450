package io.linkledger.ledger;

import org.springframework.http.HttpStatus;
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

@RestController
@RequestMapping("/api/v1/balance")
class BalanceController {

    private final Balances balances;
    private final RemittanceSettlement settlement;
    private final CardTopUps topUps;

    BalanceController(Balances balances, RemittanceSettlement settlement, CardTopUps topUps) {
        this.balances = balances;
        this.settlement = settlement;
        this.topUps = topUps;
    }

    /** {@code {available, pending, currency}}; remittances due by now are settled first. */
    @GetMapping
    Balance.View get(@AuthenticationPrincipal BrandPrincipal caller, @RequestParam(required = false) String currency) {
        settlement.settleDue(caller.brandId());
        return balances.get(caller.brandId(), balances.currencyOrDefault(currency)).view();
    }

    @PostMapping("/fundings")
    @ResponseStatus(HttpStatus.CREATED)
    Balance.View fund(@AuthenticationPrincipal BrandPrincipal caller, @RequestBody AmountRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return balances.fund(caller.brandId(), request, idempotencyKey).view();
    }

    /** Charges the brand's linked card and adds the amount to the available balance. */
    @PostMapping("/top-ups")
    @ResponseStatus(HttpStatus.CREATED)
    Balance.View topUp(@AuthenticationPrincipal BrandPrincipal caller, @RequestBody AmountRequest request,
            @RequestHeader(name = "Idempotency-Key") String idempotencyKey) {
        return topUps.topUp(caller.brandId(), request, idempotencyKey).view();
    }
}
