package io.linkledger.shared.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import generated.linkledger.client.ApiClient;
import generated.linkledger.client.ApiException;
import generated.linkledger.client.ApiResponse;
import generated.linkledger.client.api.AssignmentsApi;
import generated.linkledger.client.api.ConversionsApi;
import generated.linkledger.client.api.DashboardApi;
import generated.linkledger.client.api.LedgerApi;
import generated.linkledger.client.api.MembersApi;
import generated.linkledger.client.api.OffersApi;
import generated.linkledger.client.api.ReportingApi;
import generated.linkledger.client.api.TrackingApi;
import generated.linkledger.client.model.AmountRequest;
import generated.linkledger.client.model.AssignmentAssignRequest;
import generated.linkledger.client.model.AssignmentAssignResponse;
import generated.linkledger.client.model.AssignmentResponse;
import generated.linkledger.client.model.Balance;
import generated.linkledger.client.model.ConversionResponse;
import generated.linkledger.client.model.ConversionStatus;
import generated.linkledger.client.model.ConversionType;
import generated.linkledger.client.model.DashboardJson;
import generated.linkledger.client.model.InboundPostbackResponse;
import generated.linkledger.client.model.IntegrationCreatedResponse;
import generated.linkledger.client.model.IntegrationRequest;
import generated.linkledger.client.model.IntegrationType;
import generated.linkledger.client.model.Member;
import generated.linkledger.client.model.MemberRequest;
import generated.linkledger.client.model.OfferReport;
import generated.linkledger.client.model.OfferRequest;
import generated.linkledger.client.model.OfferRequestPayoutRequest;
import generated.linkledger.client.model.OfferResponse;
import generated.linkledger.client.model.OfferType;
import generated.linkledger.client.model.Payment;
import generated.linkledger.client.model.PaymentRequest;
import generated.linkledger.client.model.PaymentRequestItem;
import generated.linkledger.client.model.PayoutType;
import generated.linkledger.client.model.Problem;
import io.linkledger.support.ApiTest;

/**
 * The main flow through a client generated from the OpenAPI document (openapi-generator's Java
 * client on java.net.http, built from the checked-in copy that OpenApiDocumentTest keeps equal to
 * the served document): create an offer and a member, assign the member, follow the tracking link,
 * receive the sale by postback with no API key, read the conversion, the report and the member's
 * dashboard, fund the balance and pay the member. Each call answers the status the document says.
 */
class GeneratedClientTest extends ApiTest {

    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/140.0.0.0 Safari/537.36";

    private ApiClient brandClient;
    private ApiClient publicClient;

    @BeforeEach
    void clients() {
        brandClient = client();
        brandClient.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + apiKey));
        publicClient = client();
    }

    @Test
    void theMainFlowWorksThroughTheGeneratedClient() throws Exception {
        ApiResponse<OfferResponse> offer = new OffersApi(brandClient).offerCreateWithHttpInfo(new OfferRequest()
                .name("Generated client offer").type(OfferType.LINK_AND_CODE).conversionType(ConversionType.SALE)
                .currency("USD").destinationUrl(SHAREASALE_URL)
                .addPayoutsItem(new OfferRequestPayoutRequest().name("Default").type(PayoutType.CPS).percent("10")));
        assertThat(offer.getStatusCode()).isEqualTo(201);
        UUID offerId = offer.getData().getId();

        ApiResponse<Member> member = new MembersApi(brandClient).memberCreateWithHttpInfo(new MemberRequest()
                .name("Gene Rated").email("gene-" + UUID.randomUUID() + "@example.com"));
        assertThat(member.getStatusCode()).isEqualTo(201);
        UUID memberId = member.getData().getId();

        ApiResponse<AssignmentAssignResponse> assigned = new AssignmentsApi(brandClient).assignmentAssignWithHttpInfo(
                offerId, new AssignmentAssignRequest().addMemberIdsItem(memberId));
        assertThat(assigned.getStatusCode()).isEqualTo(200);
        AssignmentResponse assignment = assigned.getData().getAssignments().getFirst();
        assertThat(assignment.getPromoCode()).isNotBlank();
        String trackingLink = assignment.getTrackingLink();

        // The redirect's only success is a 302, which the generated client hands back as an exception.
        // A browser's User-Agent, or the click is counted as a bot's.
        String code = trackingLink.substring(trackingLink.lastIndexOf('/') + 1);
        ApiException redirect = catchThrowableOfType(ApiException.class,
                () -> new TrackingApi(publicClient).redirectFollow(code, Map.of("User-Agent", BROWSER)));
        assertThat(redirect.getCode()).isEqualTo(302);
        String transactionId = afftrack(redirect.getResponseHeaders().firstValue("Location").orElseThrow());

        ConversionsApi conversions = new ConversionsApi(brandClient);
        ApiResponse<IntegrationCreatedResponse> integration = conversions.integrationCreateWithHttpInfo(
                new IntegrationRequest().type(IntegrationType.POSTBACK).name("Shop " + UUID.randomUUID())
                        .offerId(offerId));
        assertThat(integration.getStatusCode()).isEqualTo(201);
        String key = integration.getData().getKey();

        ConversionsApi inbound = new ConversionsApi(publicClient);
        InboundPostbackResponse sale = inbound.inboundPostbackGet(key, transactionId, null, null, "GC-1", null,
                "80.00", null, "approved", "USD", null, null, null, null, null);
        assertThat(sale.getDuplicate()).isFalse();
        assertThat(inbound.inboundPostbackGet(key, transactionId, null, null, "GC-1", null, "80.00", null,
                "approved", "USD", null, null, null, null, null).getDuplicate()).isTrue();

        ConversionResponse conversion = conversions.conversionGet(sale.getConversionId());
        assertThat(conversion.getStatus()).isEqualTo(ConversionStatus.APPROVED);
        assertThat(conversion.getCommission()).isEqualTo("8.00");
        assertThat(conversion.getMemberId()).isEqualTo(memberId);

        assertThat(reportOnceCounted(offerId).getConversions()).isEqualTo(1);

        String dashboardLink = assignment.getDashboardLink();
        DashboardJson dashboard = new DashboardApi(publicClient)
                .dashboardData(dashboardLink.substring(dashboardLink.lastIndexOf('/') + 1), "30");
        assertThat(dashboard.getOfferName()).isEqualTo("Generated client offer");

        LedgerApi ledger = new LedgerApi(brandClient);
        ApiResponse<Balance> funded = ledger.balanceFundWithHttpInfo(new AmountRequest().amount("8.00")
                .currency("USD"), "fund-" + UUID.randomUUID());
        assertThat(funded.getStatusCode()).isEqualTo(201);
        ApiResponse<Payment> paid = ledger.paymentPayWithHttpInfo(new PaymentRequest().currency("USD")
                .provider("MANUAL").addItemsItem(new PaymentRequestItem().memberId(memberId).amount("8.00")),
                "pay-" + UUID.randomUUID());
        assertThat(paid.getStatusCode()).isEqualTo(201);
        assertThat(ledger.paymentConfirmTransfer(paid.getData().getId()).getStatus()).isEqualTo("COMPLETED");
        assertThat(ledger.balanceGet("USD").getAvailable()).isEqualTo("0.00");
    }

    @Test
    void errorsArriveAsTheDocumentedProblem() throws Exception {
        ApiException missing = catchThrowableOfType(ApiException.class,
                () -> new OffersApi(brandClient).offerGet(UUID.randomUUID()));
        assertThat(missing.getCode()).isEqualTo(404);
        Problem problem = brandClient.getObjectMapper().readValue(missing.getResponseBody(), Problem.class);
        assertThat(problem.getStatus()).isEqualTo(404);
        assertThat(problem.getDetail()).isNotBlank();

        ApiException invalid = catchThrowableOfType(ApiException.class, () -> new MembersApi(brandClient)
                .memberCreate(new MemberRequest().name("No email")));
        assertThat(invalid.getCode()).isEqualTo(400);
        assertThat(brandClient.getObjectMapper().readValue(invalid.getResponseBody(), Problem.class).getErrors())
                .extracting("field").contains("email");

        ApiException anonymous = catchThrowableOfType(ApiException.class,
                () -> new OffersApi(publicClient).offerList(null, null, null));
        assertThat(anonymous.getCode()).isEqualTo(401);
    }

    /** The report once the click and the sale reached its rollups (applied every second, after the commit). */
    private OfferReport reportOnceCounted(UUID offerId) throws ApiException, InterruptedException {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        ReportingApi reporting = new ReportingApi(brandClient);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        OfferReport report = reporting.reportOffer(offerId, today.minusDays(1).toString(), today.toString(), false);
        while ((report.getClicks() < 1 || report.getConversions() < 1) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            report = reporting.reportOffer(offerId, today.minusDays(1).toString(), today.toString(), false);
        }
        assertThat(report.getClicks()).isEqualTo(1);
        return report;
    }

    private ApiClient client() {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + port);
        return client;
    }

    private static String afftrack(String location) {
        return Arrays.stream(URI.create(location).getRawQuery().split("&"))
                .filter(pair -> pair.startsWith("afftrack="))
                .map(pair -> URLDecoder.decode(pair.substring("afftrack=".length()), StandardCharsets.UTF_8))
                .findFirst().orElseThrow();
    }
}
