package io.linkledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.linkledger.brands.Role;
import io.linkledger.brands.Users;
import io.linkledger.support.Api;
import io.linkledger.support.ApiTest;
import tools.jackson.databind.JsonNode;

/** Payments Overview as a signed-in brand admin uses it: fund, select, confirm, pay. */
class PaymentsPageTest extends PaymentsConsoleTest {

    private ConsoleUser console;

    @BeforeEach
    void signIn() throws Exception {
        console = signedIn(Role.ADMIN);
    }

    @Test
    void fundingShowsInTheBalanceAndBadAmountsAreShownNextToTheField() throws Exception {
        HttpResponse<String> funded = console.post("/payments/fundings",
                List.of("amount", "250.00", "currency", "USD", "key", UUID.randomUUID().toString()));
        assertThat(funded.statusCode()).isEqualTo(302);
        String page = console.get("/payments?notice=funded").body();
        assertThat(page).contains("Funding recorded").contains("data-figure=\"available\">$250.00<");

        HttpResponse<String> bad = console.post("/payments/fundings", List.of("amount", "-5", "currency", "USD"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"funding-amount-error\"").contains("aria-invalid=\"true\"")
                .contains("value=\"-5\"");
        assertThat(api.get("/api/v1/balance").json().toString()).contains("250.00");
    }

    @Test
    void makeAPaymentConfirmsThenPaysOnceEvenWhenSubmittedTwice() throws Exception {
        String ada = owedMember("Ada Lovelace", "300.00");
        String bob = owedMember("Bob Brown", "100.00");
        fund("100.00");

        String overview = console.get("/payments").body();
        assertThat(overview).contains("Ada Lovelace").contains("Bob Brown")
                .contains("name=\"amount-" + ada + "\"").contains("value=\"30.00\"");

        HttpResponse<String> confirm = console.post("/payments/confirm", List.of("currency", "USD",
                "member", ada, "amount-" + ada, "30.00", "member", bob, "amount-" + bob, "5.50",
                "amount-other", "1.00"));
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("Confirm the payment").contains("data-figure=\"total\">$35.50<")
                .contains("data-figure=\"balance-after\">$64.50<");
        // The payout method is explicit: manual (checked) and PayPal, which this server has not configured.
        assertThat(confirm.body()).containsPattern("id=\"provider-MANUAL\" value=\"MANUAL\"\\s+checked")
                .contains("data-unavailable=\"PAYPAL\"").contains("PayPal Payouts is not configured on this server.");
        String key = field(confirm.body(), "key");

        List<String> pay = new ArrayList<>(List.of("currency", "USD", "key", key, "member", ada, "amount-" + ada,
                "30.00", "member", bob, "amount-" + bob, "5.50"));
        HttpResponse<String> first = console.post("/payments/pay", pay);
        HttpResponse<String> second = console.post("/payments/pay", pay);
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(second.statusCode()).isEqualTo(302);
        String location = first.headers().firstValue("Location").orElseThrow();
        assertThat(second.headers().firstValue("Location").orElseThrow()).startsWith(location).endsWith("again=true");

        String result = console.get(location.replace(api.baseUrl(), "")).body();
        assertThat(result).contains("Payment of $35.50").contains("Ada Lovelace").contains("Bob Brown")
                .contains("id=\"payment-awaiting\"").doesNotContain("id=\"payment-done\"");
        JsonNode payments = api.get("/api/v1/payments").json();
        assertThat(payments.get("items")).hasSize(1);
        assertThat(payments.get("items").get(0).get("status").asString()).isEqualTo("AWAITING_TRANSFER");
        assertThat(api.get("/api/v1/balance").json().get("available").asString()).isEqualTo("64.50");

        String after = console.get("/payments").body();
        assertThat(after).contains("id=\"payments-history\"").contains("$35.50").contains("data-figure=\"available\">$64.50<");
    }

    @Test
    void aPaymentTheBalanceCannotCoverSaysHowMuchIsMissingAndPaysNothing() throws Exception {
        String ada = owedMember("Ada Lovelace", "500.00");
        fund("20.00");

        HttpResponse<String> confirm = console.post("/payments/confirm",
                List.of("currency", "USD", "member", ada, "amount-" + ada, "50.00"));
        assertThat(confirm.body()).contains("data-figure=\"missing\">$30.00<").contains("id=\"shortfall\"")
                .contains("<h2 id=\"confirm-title\">1 member</h2>");

        HttpResponse<String> pay = console.post("/payments/pay", List.of("currency", "USD",
                "key", field(confirm.body(), "key"), "member", ada, "amount-" + ada, "50.00"));
        assertThat(pay.statusCode()).isEqualTo(409);
        assertThat(pay.body()).contains("id=\"payment-error\"").contains("The balance is short by 30.00 USD");
        // The refusal is said once, not again by the shortfall notice under it.
        assertThat(pay.body()).doesNotContain("id=\"shortfall\"");
        assertThat(api.get("/api/v1/payments").json().get("items")).isEmpty();
    }

    @Test
    void amountsThatAreNotMoneyComeBackWithTheirErrorNextToTheMember() throws Exception {
        String ada = owedMember("Ada Lovelace", "100.00");

        HttpResponse<String> none = console.post("/payments/confirm", List.of("currency", "USD"));
        assertThat(none.statusCode()).isEqualTo(422);
        assertThat(none.body()).contains("Select at least one member to pay.");

        HttpResponse<String> bad = console.post("/payments/confirm",
                List.of("currency", "USD", "member", ada, "amount-" + ada, "ten"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("id=\"amount-error-" + ada + "\"").contains("value=\"ten\"")
                .contains("checked");
    }

    @Test
    void manualPaymentOffersItsPayoutFilesAndIsPaidOnlyWhenTheTransferIsConfirmed() throws Exception {
        String ada = owedMember("Ada Lovelace", "300.00");
        fund("100.00");
        HttpResponse<String> confirm = console.post("/payments/confirm",
                List.of("currency", "USD", "member", ada, "amount-" + ada, "30.00"));
        String location = console.post("/payments/pay", List.of("currency", "USD", "key", field(confirm.body(), "key"),
                "provider", "MANUAL", "member", ada, "amount-" + ada, "30.00")).headers().firstValue("Location")
                .orElseThrow().replace(api.baseUrl(), "");
        String id = location.substring(location.lastIndexOf('/') + 1);

        String awaiting = console.get(location).body();
        assertThat(awaiting).contains("Awaiting your transfer").contains("href=\"/payments/" + id + "/payouts-paypal.csv\"")
                .contains("href=\"/payments/" + id + "/payouts-bank.csv\"");
        HttpResponse<String> file = console.get("/payments/" + id + "/payouts-paypal.csv");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(file.body()).contains(",30.00,USD,");
        assertThat(console.get("/payments/" + id + "/payouts-bank.csv").body()).startsWith("name,email,amount");
        assertThat(api.get("/api/v1/payments/overview").json().toString()).contains("\"paid\":\"0.00\"");

        HttpResponse<String> confirmed = console.post("/payments/" + id + "/confirm-transfer", List.of());
        assertThat(confirmed.statusCode()).isEqualTo(302);
        String done = console.get(location + "?notice=confirmed").body();
        assertThat(done).contains("id=\"payment-done\"").contains("Transfer confirmed");
        assertThat(api.get("/api/v1/payments/" + id).json().get("status").asString()).isEqualTo("COMPLETED");
        assertThat(api.get("/api/v1/emails?memberId=" + ada).json().get("items").get(0).get("category").asString())
                .isEqualTo("payment-notice");
    }

    @Test
    void manualPaymentCancelledInTheConsoleGivesTheMoneyBack() throws Exception {
        String ada = owedMember("Ada Lovelace", "300.00");
        fund("100.00");
        HttpResponse<String> confirm = console.post("/payments/confirm",
                List.of("currency", "USD", "member", ada, "amount-" + ada, "30.00"));
        String location = console.post("/payments/pay", List.of("currency", "USD", "key", field(confirm.body(), "key"),
                "member", ada, "amount-" + ada, "30.00")).headers().firstValue("Location").orElseThrow()
                .replace(api.baseUrl(), "");

        console.post(location + "/cancel", List.of("reason", "Not sent"));

        assertThat(api.get("/api/v1/balance").json().get("available").asString()).isEqualTo("100.00");
        HttpResponse<String> late = console.post(location + "/confirm-transfer", List.of());
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("id=\"payment-error\"").contains("can no longer be confirmed");
    }

    @Test
    void aWrongRemittanceIsVoidedFromThePaymentsPageAfterSayingWhy() throws Exception {
        java.time.YearMonth month = java.time.YearMonth.now(java.time.ZoneOffset.UTC).minusMonths(1);
        String period = month.toString();
        String id = created(api.post("/api/v1/remittances", Map.of("period", period, "amount", "812.40")))
                .get("id").asString();
        assertThat(console.get("/payments").body()).contains("href=\"/payments/remittances/" + id + "/void\"");

        String ask = console.get("/payments/remittances/" + id + "/void").body();
        assertThat(ask).contains("Void the ShareASale remittance for " + Times.month(month)).contains("$812.40");
        HttpResponse<String> noReason = console.post("/payments/remittances/" + id + "/void", List.of("reason", ""));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("id=\"void-reason-error\"");

        HttpResponse<String> voided = console.post("/payments/remittances/" + id + "/void",
                List.of("reason", "typed 812.40 for 81.24"));
        assertThat(voided.statusCode()).isEqualTo(302);
        assertThat(console.get("/payments?notice=voided").body()).contains("Remittance voided")
                .contains("typed 812.40 for 81.24").doesNotContain("href=\"/payments/remittances/" + id + "/void\"");
        assertThat(api.get("/api/v1/balance").json().get("pending").asString()).isEqualTo("0.00");
    }

    @Test
    void viewersSeeTheOverviewWithoutPayButtons() throws Exception {
        owedMember("Ada Lovelace", "100.00");
        ConsoleUser viewer = signedIn(Role.VIEWER);
        String page = viewer.get("/payments").body();
        assertThat(page).contains("Ada Lovelace").contains("Only admins can make payments.")
                .doesNotContain("Record funding").doesNotContain("id=\"link-card\"");
        assertThat(viewer.get("/payments/card").statusCode()).isEqualTo(403);
    }

}
