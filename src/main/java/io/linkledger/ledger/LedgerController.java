package io.linkledger.ledger;

import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.linkledger.brands.BrandPrincipal;
import io.linkledger.shared.Page;
import io.swagger.v3.oas.annotations.Operation;

/** The journal itself, newest first, and a check that it balances: the audit trail behind every balance. */
@RestController
@RequestMapping("/api/v1/ledger")
class LedgerController {

    private final Journal journal;
    private final Balances balances;

    LedgerController(Journal journal, Balances balances) {
        this.journal = journal;
        this.balances = balances;
    }

    @GetMapping("/entries")
    @Operation(summary = "List journal entries")
    Page<JournalEntry> entries(@AuthenticationPrincipal BrandPrincipal caller,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer offset) {
        return journal.entries(caller.brandId(), Page.limit(limit), Page.offset(offset));
    }

    /** {@code {balanced: true}} when every entry's lines and all lines together sum to zero. */
    @GetMapping("/check")
    @Operation(summary = "Check that the journal balances")
    Map<String, Object> check(@AuthenticationPrincipal BrandPrincipal caller,
            @RequestParam(required = false) String currency) {
        var code = balances.currencyOrDefault(currency);
        return Map.of("balanced", journal.balances(caller.brandId(), code), "currency", code.getCurrencyCode());
    }
}
