package io.linkledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Currency;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.linkledger.support.MovableClock;
import io.linkledger.conversions.ConversionMoneyChanged;
import io.linkledger.conversions.MoneyChange;
import io.linkledger.conversions.ConversionStatus;
import io.linkledger.shared.Money;
import io.linkledger.support.Api;
import io.linkledger.support.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * Ledger tests share one application context: a settable clock, and PayPal and Stripe each
 * pointed at a WireMock server (the payout provider stays manual unless a request asks). After
 * each test, every exchange the stubs served is checked against PayPal's and Stripe's published
 * OpenAPI documents ({@link OpenApiContract}), so no stub can drift from the real service.
 * Conversions are driven the way the conversions feature does: ConversionMoneyChanged events
 * published inside a transaction. Scheduled jobs wait a day; tests run them by hand.
 */
@Import(LedgerTestConfig.class)
abstract class LedgerApiTest extends ApiTest {

    static final WireMockServer PAYPAL = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final WireMockServer STRIPE = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final OpenApiContract PAYPAL_CONTRACT = OpenApiContract.payPal();
    static final OpenApiContract STRIPE_CONTRACT = OpenApiContract.stripe();
    static final String PAYPAL_WEBHOOK_ID = "1JE4291016473214C";
    static final String STRIPE_WEBHOOK_SECRET = "whsec_test_ledger_0123456789";

    static {
        PAYPAL.start();
        STRIPE.start();
    }

    @DynamicPropertySource
    static void money(DynamicPropertyRegistry registry) {
        registry.add("linkledger.money.paypal.base-url", PAYPAL::baseUrl);
        registry.add("linkledger.money.paypal.client-id", () -> "test-client");
        registry.add("linkledger.money.paypal.client-secret", () -> "test-secret");
        registry.add("linkledger.money.paypal.poll-interval", () -> "PT24H");
        registry.add("linkledger.money.paypal.webhook-id", () -> PAYPAL_WEBHOOK_ID);
        registry.add("linkledger.money.paypal.cert-url-prefixes", () -> PAYPAL.baseUrl() + "/v1/notifications/certs/");
        registry.add("linkledger.money.settlement-interval", () -> "PT24H");
        registry.add("linkledger.money.settlement-initial-delay", () -> "PT24H");
        registry.add("linkledger.money.payout-provider", () -> "manual");
        registry.add("linkledger.money.stripe.base-url", STRIPE::baseUrl);
        registry.add("linkledger.money.stripe.secret-key", () -> "sk_test_ledger");
        registry.add("linkledger.money.stripe.publishable-key", () -> "pk_test_ledger");
        registry.add("linkledger.money.stripe.webhook-secret", () -> STRIPE_WEBHOOK_SECRET);
        registry.add("linkledger.money.stripe.network-retries", () -> "0");
        registry.add("linkledger.money.stripe.poll-interval", () -> "PT24H");
    }

    final PayPalStubs payPal = new PayPalStubs(PAYPAL);
    final StripeStubs stripe = new StripeStubs(STRIPE);

    static final Currency USD = Currency.getInstance("USD");

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MovableClock clock;

    @Autowired
    Journal journal;

    @Autowired
    LedgerTestConfig.PaidEvents paidEvents;

    @AfterEach
    void booksBalanceAndStubsKeepToTheContracts() {
        try {
            assertThat(journal.balances(brand.id(), USD)).as("every entry balances").isTrue();
            List<String> drift = new ArrayList<>();
            PAYPAL.getAllServeEvents().forEach(event -> drift.addAll(PAYPAL_CONTRACT.problems(event)));
            STRIPE.getAllServeEvents().forEach(event -> drift.addAll(STRIPE_CONTRACT.problems(event)));
            assertThat(drift).as("exchanges that PayPal's or Stripe's OpenAPI documents do not allow").isEmpty();
        } finally {
            clock.reset();
            PAYPAL.resetAll();
            STRIPE.resetAll();
        }
    }

    String newMember(String name) {
        return createMember(name, name.toLowerCase().replace(' ', '.') + "+" + UUID.randomUUID() + "@example.test")
                .get("id").asString();
    }

    String newPayPalMember(String name, String paypalEmail) {
        return created(api.post("/api/v1/members", Map.of("name", name, "email",
                UUID.randomUUID() + "@example.test", "paypalEmail", paypalEmail))).get("id").asString();
    }

    /** A conversion's life, told through the events the conversions feature publishes. */
    final class Conversion {

        final UUID id = UUID.randomUUID();
        final UUID memberId;
        private ConversionStatus status;
        private Money member;
        private Money network;

        Conversion(String memberId) {
            this.memberId = UUID.fromString(memberId);
        }

        Conversion pending(String memberCommission, String networkCommission) {
            return change(ConversionStatus.PENDING, memberCommission, networkCommission, clock.instant());
        }

        Conversion approve() {
            return approveAt(clock.instant());
        }

        Conversion approveAt(Instant at) {
            return change(ConversionStatus.APPROVED, null, null, at);
        }

        Conversion reverse() {
            return change(ConversionStatus.REVERSED, null, null, clock.instant());
        }

        Conversion adjust(String memberCommission, String networkCommission) {
            return change(status, memberCommission, networkCommission, clock.instant());
        }

        /** Publishes an event and returns it, so a test can deliver it again. */
        MoneyChange lastEvent;

        private Conversion change(ConversionStatus to, String memberCommission, String networkCommission,
                Instant at) {
            Money memberAfter = memberCommission == null ? member : Money.parse(memberCommission, USD);
            Money networkAfter = networkCommission == null ? network : Money.parse(networkCommission, USD);
            MoneyChange event = new MoneyChange(UUID.randomUUID(), brand.id(), id,
                    UUID.randomUUID(), memberId, status, to, member, memberAfter, network, networkAfter, at);
            publish(event);
            status = to;
            member = memberAfter;
            network = networkAfter;
            lastEvent = event;
            return this;
        }
    }

    void publish(MoneyChange change) {
        transactions.executeWithoutResult(tx -> publisher.publishEvent(ConversionMoneyChanged.of(change)));
    }

    /** An approved conversion worth {@code memberCommission} to the member. */
    Conversion approved(String memberId, String memberCommission) {
        return new Conversion(memberId).pending(memberCommission, memberCommission).approve();
    }

    void fund(String amount) {
        created(api.post("/api/v1/balance/fundings", Map.of("amount", amount, "currency", "USD")));
    }

    JsonNode balance() {
        return api.get("/api/v1/balance").json();
    }

    JsonNode overviewOf(String memberId) {
        for (JsonNode line : api.get("/api/v1/payments/overview").json().get("members")) {
            if (line.get("memberId").asString().equals(memberId)) {
                return line;
            }
        }
        throw new AssertionError("member " + memberId + " is not in the overview");
    }

    Api.Response pay(String key, Object body) {
        return api.send(api.request("/api/v1/payments").header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(body))));
    }

    /** The brand confirms it sent a manual payment's money. */
    JsonNode confirm(JsonNode payment) {
        Api.Response confirmed = api.post("/api/v1/payments/" + payment.get("id").asString() + "/confirm-transfer",
                Map.of());
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        return confirmed.json();
    }

    long entries() {
        return count("select count(*) from ledger_entries where brand_id = ?", brand.id());
    }
}
