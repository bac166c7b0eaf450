package io.linkledger.conversions;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.linkledger.brands.BrandPrincipal;
import io.linkledger.conversions.Integrations.IntegrationRequest;
import io.linkledger.shared.ProblemException;
import io.swagger.v3.oas.annotations.Operation;

@RestController
@RequestMapping("/api/v1/integrations")
class IntegrationController {

    private final Integrations integrations;
    private final Intake intake;
    private final ReportImport reports;

    IntegrationController(Integrations integrations, Intake intake, ReportImport reports) {
        this.integrations = integrations;
        this.intake = intake;
        this.reports = reports;
    }

    record ReportRequest(String csv, Map<String, String> columns) {
    }

    /** A network activity report as CSV text, reconciled in the background. */
    @PostMapping(path = "/{id}/reports", consumes = "text/csv")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Import a network's report")
    Map<String, UUID> importCsv(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestBody String csv) {
        return Map.of("jobId", reports.start(caller.brandId(), id, csv, null));
    }

    /** The same with a column mapping for other networks: {@code {csv, columns: {transId: "Action Id", ...}}}. */
    @PostMapping(path = "/{id}/reports", consumes = "application/json")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Import a network's report")
    Map<String, UUID> importMapped(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestBody ReportRequest request) {
        return Map.of("jobId", reports.start(caller.brandId(), id, request.csv(), request.columns()));
    }

    /** Settings as shown back: never the secret, the password or the key. */
    record IntegrationResponse(UUID id, IntegrationType type, String name, boolean hasSecret,
            Integration.Signature signature, String hashAlgorithm, String basicAuthUser, Map<String, String> parameterMap, String timeZone, List<String> ipAllowList,
            UUID offerId, String orderTopic, Integration.CreditPriority creditPriority, Instant createdAt) {

        static IntegrationResponse of(Integration i) {
            Integration.Credentials c = i.credentials();
            return new IntegrationResponse(i.id(), i.type(), i.name(), c.secret() != null, c.signature(),
                    c.hashAlgorithm(), c.basicUser(), i.reading().parameterMap(), i.reading().timeZone().getId(),
                    c.ipAllowList(),
                    i.crediting().offerId(), i.reading().orderTopic(), i.crediting().priority(), i.createdAt());
        }
    }

    /** The creation answer: the key and inbound URL appear only here. */
    record CreatedResponse(UUID id, String key, String inboundUrl, String shareasalePostbackUrl, IntegrationType type,
            String name, String timeZone) {
    }

    record TestPurchaseRequest(UUID offerId, UUID memberId, String amount) {
    }

    record RequestView(UUID id, Instant receivedAt, String method, String query, Map<String, String> headers,
            String body, String remoteIp, InboundRequest.Outcome outcome, Integer statusCode, String reason,
            UUID conversionId, int attempts, Instant processedAt) {

        static RequestView of(InboundRequest r) {
            InboundRequest.Handling h = r.handling();
            return new RequestView(r.id(), r.receivedAt(), r.inbound().method(), r.inbound().query(),
                    r.inbound().headers(), r.inbound().body(), r.inbound().remoteIp(), h.outcome(), h.statusCode(),
                    h.reason(), h.conversionId(), h.attempts(), h.processedAt());
        }
    }

    record IntakeResponse(UUID requestId, UUID conversionId, ConversionStatus status, InboundRequest.Outcome outcome,
            String reason) {

        static IntakeResponse of(Intake.Result r) {
            return new IntakeResponse(r.requestId(), r.conversionId(), r.status(), r.outcome(), r.reason());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CreatedResponse create(@AuthenticationPrincipal BrandPrincipal caller, @RequestBody IntegrationRequest request) {
        Integrations.Created created = integrations.create(caller.brandId(), request);
        Integration i = created.integration();
        String url = integrations.inboundUrl(i.type(), created.key());
        return new CreatedResponse(i.id(), created.key(), url,
                i.type() == IntegrationType.SHAREASALE ? url + "?" + PostbackParser.SHAREASALE_QUERY : null, i.type(),
                i.name(), i.reading().timeZone().getId());
    }

    @GetMapping
    Map<String, List<IntegrationResponse>> list(@AuthenticationPrincipal BrandPrincipal caller) {
        return Map.of("items", integrations.list(caller.brandId()).stream().map(IntegrationResponse::of).toList());
    }

    @GetMapping("/{id}")
    IntegrationResponse get(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id) {
        return IntegrationResponse.of(integrations.get(caller.brandId(), id));
    }

    @PatchMapping("/{id}")
    IntegrationResponse update(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestBody IntegrationRequest request) {
        return IntegrationResponse.of(integrations.update(caller.brandId(), id, request));
    }

    /** The last inbound requests with their outcome, newest first: the set-up check. */
    @GetMapping("/{id}/requests")
    @Operation(summary = "List an integration's inbound requests")
    Map<String, List<RequestView>> requests(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam(required = false) Integer limit) {
        int n = limit == null ? 20 : Math.max(1, Math.min(200, limit));
        return Map.of("items", intake.recent(caller.brandId(), id, n).stream().map(RequestView::of).toList());
    }

    @PostMapping("/{id}/requests/{requestId}/replay")
    @Operation(summary = "Replay an inbound request")
    IntakeResponse replay(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @PathVariable UUID requestId) {
        return IntakeResponse.of(intake.replay(caller.brandId(), id, requestId));
    }

    @PostMapping("/{id}/test-purchase")
    @Operation(summary = "Send a test purchase through an integration")
    IntakeResponse testPurchase(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestBody TestPurchaseRequest request) {
        if (request.offerId() == null || request.memberId() == null) {
            throw ProblemException.invalid("memberId", "offerId and memberId of a test member are required");
        }
        return IntakeResponse.of(intake.testPurchase(caller.brandId(), id, request.offerId(), request.memberId(),
                request.amount()));
    }
}
