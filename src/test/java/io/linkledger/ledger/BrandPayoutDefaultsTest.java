package io.linkledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The brand's payout defaults (Settings, or PATCH /api/v1/brand) apply to payments that name none. */
class BrandPayoutDefaultsTest extends LedgerApiTest {

    @Test
    void aPaymentWithoutAProviderUsesTheBrandsMethodAndItsMinimumPayout() {
        api.patch("/api/v1/brand", Map.of("payoutMethod", "PAYPAL", "minimumPayout", "25.00"));
        String ada = newPayPalMember("Ada Small", "ada.small@example.com");
        String bob = newPayPalMember("Bob Large", "bob.large@example.com");
        approved(ada, "20.00");
        approved(bob, "30.00");
        fund("100.00");

        JsonNode refused = problem(pay("small-1", Map.of("items", List.of(Map.of("memberId", ada)))), 400);
        assertThat(refused.get("detail").asString()).contains("below the minimum payout of 25.00");

        JsonNode paid = created(pay("large-1", Map.of("items", List.of(Map.of("memberId", bob)))));
        assertThat(paid.get("provider").asString()).isEqualTo("PAYPAL");

        api.patch("/api/v1/brand", java.util.Collections.singletonMap("minimumPayout", null));
        JsonNode manual = created(pay("small-2", Map.of("provider", "MANUAL",
                "items", List.of(Map.of("memberId", ada)))));
        assertThat(manual.get("provider").asString()).as("a payment that names its provider keeps it")
                .isEqualTo("MANUAL");
    }
}
