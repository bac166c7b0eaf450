package io.linkledger.ledger;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.linkledger.ledger.PayPalStubs.Item;
import io.linkledger.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * PayPal's payout webhooks at {@code POST /webhooks/paypal/payouts}: signed as PayPal signs them
 * (a key pair and certificate made for the test, the certificate served from the WireMock that
 * stands in for PayPal), verified before anything else, applied once per event id, and
 * acknowledged with a 200 at once. Events are PayPal's published samples with our ids put in.
 */
class PayPalWebhookTest extends LedgerApiTest {

    private static final PayPalSigner SIGNER = PayPalSigner.create(PAYPAL_WEBHOOK_ID);
    private static final String BATCH = "Q8B9WFS7ZZJ4Q";

    @BeforeEach
    void payPal() {
        payPal.token();
        SIGNER.serve(PAYPAL);
    }

    private String certUrl() {
        return PAYPAL.baseUrl() + PayPalSigner.CERT_PATH;
    }

    private Api.Response deliver(String body, Map<String, String> headers) {
        HttpRequest.Builder request = api.withKey(null).request("/webhooks/paypal/payouts")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return api.withKey(null).send(request);
    }

    private Api.Response deliver(String body) {
        return deliver(body, SIGNER.headers(body, certUrl()));
    }

    private JsonNode sent(String memberId, String amount, String key) {
        approved(memberId, amount);
        fund(amount);
        payPal.created(BATCH);
        return created(pay(key, Map.of("provider", "PAYPAL", "items", List.of(Map.of("memberId", memberId)))));
    }

    private JsonNode payment(JsonNode payment) {
        return api.get("/api/v1/payments/" + payment.get("id").asString()).json();
    }

    @Test
    void signedItemEventPaysOnceAndItsRedeliveryIsAcknowledged() {
        String ada = newPayPalMember("Ada Hooked", "ada.hooked@paypal.example.test");
        JsonNode payment = sent(ada, "30.00", "hook-1");
        String event = PayPalStubs.itemEvent("WH-" + UUID.randomUUID(), "PAYMENT.PAYOUTS-ITEM.SUCCEEDED", BATCH,
                Item.of(payment.get("items").get(0), "SUCCESS"));

        Api.Response first = deliver(event);
        Api.Response again = deliver(event);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("outcome").asString()).contains("SUCCESS");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("outcome").asString()).isEqualTo("already received");
        assertThat(payment(payment).get("status").asString()).isEqualTo("COMPLETED");
        assertThat(paidEvents.of(brand.id())).hasSize(1);
        assertThat(PAYPAL.findAll(getRequestedFor(urlEqualTo(PayPalSigner.CERT_PATH)))).as("the certificate is cached")
                .hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void eventWhoseSignatureDoesNotVerifyIsRefusedAndChangesNothing() {
        String ada = newPayPalMember("Ada Forged", "ada.forged@paypal.example.test");
        JsonNode payment = sent(ada, "30.00", "hook-2");
        String event = PayPalStubs.itemEvent("WH-" + UUID.randomUUID(), "PAYMENT.PAYOUTS-ITEM.FAILED", BATCH,
                Item.of(payment.get("items").get(0), "FAILED"));
        Map<String, String> signedForOtherBody = SIGNER.headers(event.replace("FAILED", "SUCCESS"), certUrl());
        Map<String, String> otherWebhook = PayPalSigner.create("SOMEONE-ELSES-WEBHOOK").headers(event, certUrl());

        problem(deliver(event, signedForOtherBody), 401);
        problem(deliver(event, otherWebhook), 401);
        problem(deliver(event, Map.of()), 401);

        assertThat(payment(payment).get("status").asString()).isEqualTo("PROCESSING");
        assertThat(balance().get("available").asString()).isEqualTo("0.00");
        assertThat(count("select count(*) from provider_events where provider = 'PAYPAL' and event_id like 'WH-%'"
                + " and payload like ?", "%" + payment.get("items").get(0).get("id").asString() + "%")).isZero();
    }

    @Test
    void certificateFromAnAddressThatIsNotPayPalsIsNeverFetched() {
        String event = PayPalStubs.itemEvent("WH-" + UUID.randomUUID(), "PAYMENT.PAYOUTS-ITEM.SUCCEEDED", BATCH,
                new Item(UUID.randomUUID().toString(), "x@example.test", "1.00", "SUCCESS"));
        java.net.URI base = java.net.URI.create(PAYPAL.baseUrl());
        for (String url : List.of("https://evil.example/v1/notifications/certs/CERT-1",
                PAYPAL.baseUrl() + "/v1/other/CERT-1",
                "http://evil@" + base.getHost() + ":" + base.getPort() + PayPalSigner.CERT_PATH,
                PAYPAL.baseUrl() + "/v1/notifications/certs/../../other/CERT-1")) {
            JsonNode refused = problem(deliver(event, SIGNER.headers(event, url)), 401);
            assertThat(refused.get("detail").asString()).contains("PAYPAL-CERT-URL");
        }
        assertThat(PAYPAL.findAll(getRequestedFor(urlEqualTo(PayPalSigner.CERT_PATH)))).isEmpty();
    }

    @Test
    void eventForSomeoneElsesPayoutIsAcknowledgedAsNotOurs() {
        String event = PayPalStubs.itemEvent("WH-" + UUID.randomUUID(), "PAYMENT.PAYOUTS-ITEM.SUCCEEDED", BATCH,
                new Item("Item1", "beamdaddy@paypal.com", "1.0", "SUCCESS"));
        Api.Response answer = deliver(event);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("outcome").asString()).isEqualTo("not ours");
    }

    /**
     * Real conversions (a postback, approved through the API) are paid through PayPal; PayPal
     * reverses the payout later: the money is back in the balance and the member's owed amount,
     * and the conversions are payable again.
     */
    @Test
    void itemReturnedAfterPaymentBooksTheMoneyBackAndTheConversionsArePayableAgain() {
        String offerId = createLinkOffer("Returned offer").get("id").asString();
        String ada = newPayPalMember("Ada Reversed", "ada.reversed@paypal.example.test");
        assign(offerId, ada);
        JsonNode integration = created(api.post("/api/v1/integrations",
                Map.of("type", "POSTBACK", "name", "Shop " + UUID.randomUUID(), "offerId", offerId)));
        Api.Response postback = api.withKey(null).get("/postback/" + integration.get("key").asString()
                + "?member_id=" + ada + "&order_id=O-" + UUID.randomUUID() + "&amount=" + URLEncoder.encode("200.00",
                StandardCharsets.UTF_8) + "&status=pending");
        String conversion = postback.json().get("conversionId").asString();
        assertThat(api.post("/api/v1/conversions/" + conversion + "/approve", Map.of()).status()).isEqualTo(200);
        fund("20.00");
        payPal.created(BATCH);
        JsonNode payment = created(pay("hook-5", Map.of("provider", "PAYPAL", "items", List.of(Map.of("memberId", ada)))));
        Item item = Item.of(payment.get("items").get(0), "SUCCESS");
        deliver(PayPalStubs.itemEvent("WH-" + UUID.randomUUID(), "PAYMENT.PAYOUTS-ITEM.SUCCEEDED", BATCH, item));
        assertThat(api.get("/api/v1/conversions/" + conversion).json().get("status").asString()).isEqualTo("PAID");

        Item reversed = new Item(item.senderItemId(), item.receiver(), item.amount(), "REVERSED");
        Api.Response returned = deliver(PayPalStubs.itemEvent("WH-" + UUID.randomUUID(),
                "PAYMENT.PAYOUTS-ITEM.RETURNED", BATCH, reversed));

        assertThat(returned.status()).isEqualTo(200);
        JsonNode after = payment(payment);
        assertThat(after.get("status").asString()).isEqualTo("FAILED");
        assertThat(after.get("items").get(0).get("status").asString()).isEqualTo("RETURNED");
        assertThat(balance().get("available").asString()).isEqualTo("20.00");
        assertThat(overviewOf(ada).get("owed").asString()).isEqualTo("20.00");
        assertThat(overviewOf(ada).get("paid").asString()).isEqualTo("0.00");
        assertThat(api.get("/api/v1/conversions/" + conversion).json().get("status").asString()).isEqualTo("APPROVED");
    }

    @Test
    void itemEventSettlesAPaymentWhoseSubmissionWasUnknown() {
        String ada = newPayPalMember("Ada Unknown", "ada.unknown@paypal.example.test");
        approved(ada, "8.00");
        fund("8.00");
        payPal.serverError(503);
        JsonNode payment = created(pay("hook-6", Map.of("provider", "PAYPAL", "items", List.of(Map.of("memberId", ada)))));
        assertThat(payment.get("status").asString()).isEqualTo("UNKNOWN");

        deliver(PayPalStubs.itemEvent("WH-" + UUID.randomUUID(), "PAYMENT.PAYOUTS-ITEM.SUCCEEDED", BATCH,
                Item.of(payment.get("items").get(0), "SUCCESS")));

        JsonNode settled = payment(payment);
        assertThat(settled.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(settled.get("providerBatchId").asString()).isEqualTo(BATCH);
        assertThat(paidEvents.of(brand.id())).hasSize(1);
    }

    @Test
    void batchEventMatchesAnUnknownPaymentToItsBatch() {
        String ada = newPayPalMember("Ada Batch", "ada.batch@paypal.example.test");
        approved(ada, "4.00");
        fund("4.00");
        payPal.connectionReset();
        JsonNode payment = created(pay("hook-7", Map.of("provider", "PAYPAL", "items", List.of(Map.of("memberId", ada)))));

        Api.Response answer = deliver(PayPalStubs.batchEvent("WH-" + UUID.randomUUID(), "CQGA9SFAU8WSN",
                payment.get("id").asString()));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode matched = payment(payment);
        assertThat(matched.get("providerBatchId").asString()).isEqualTo("CQGA9SFAU8WSN");
        assertThat(matched.get("status").asString()).isEqualTo("PROCESSING");
    }
}
