package io.linkledger.conversions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private final Clock clock;

    IntegrationController(Integrations integrations, Intake intake, ReportImport reports, Clock clock) {
        this.integrations = integrations;
        this.intake = intake;
        this.reports = reports;
        this.clock = clock;
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

    /**
     * Settings as shown back: never the secret, the password or the key. {@code offerIds}: the
     * offers it feeds; {@code previousKeyValidUntil}: until when the key a rotation replaced still
     * works (null when it no longer does).
     */
    record IntegrationResponse(UUID id, IntegrationType type, String name, boolean enabled, boolean hasSecret,
            Integration.Signature signature, String hashAlgorithm, String basicAuthUser, Map<String, String> parameterMap,
            String timeZone, List<String> ipAllowList, UUID offerId, List<UUID> offerIds, String orderTopic,
            Integration.CreditPriority creditPriority, Instant createdAt, Instant keyRotatedAt,
            Instant previousKeyValidUntil) {

        static IntegrationResponse of(Integration i, Set<UUID> offerIds, Instant now) {
            Integration.Credentials c = i.credentials();
            return new IntegrationResponse(i.id(), i.type(), i.name(), i.access().enabled(), c.secret() != null,
                    c.signature(), c.hashAlgorithm(), c.basicUser(), i.reading().parameterMap(),
                    i.reading().timeZone().getId(), c.ipAllowList(), i.crediting().offerId(),
                    offerIds.stream().sorted().toList(), i.reading().orderTopic(), i.crediting().priority(),
                    i.createdAt(), i.access().keyRotatedAt(), i.access().previousKeyValidUntil(now));
        }
    }

    /** How long the replaced key keeps working: 0 to 168 hours, 24 when not said. */
    record RotateRequest(Integer graceHours) {
    }

    /** The rotation's answer: the new key and inbound URL appear only here. */
    record RotatedResponse(UUID id, String key, String inboundUrl, String shareasalePostbackUrl,
            Instant previousKeyValidUntil) {
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
        Map<UUID, Set<UUID>> fed = integrations.offersFed(caller.brandId());
        return Map.of("items", integrations.list(caller.brandId()).stream()
                .map(i -> IntegrationResponse.of(i, fed.getOrDefault(i.id(), Set.of()), clock.instant()))
                .toList());
    }

    @GetMapping("/{id}")
    IntegrationResponse get(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id) {
        return response(caller.brandId(), integrations.get(caller.brandId(), id));
    }

    /** Any settings given (name, enabled, offerIds, the secret…); what is left out stays as it is. */
    @PatchMapping("/{id}")
    IntegrationResponse update(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestBody IntegrationRequest request) {
        return response(caller.brandId(), integrations.update(caller.brandId(), id, request));
    }

    /** A new key; the old one keeps working for the grace period. */
    @PostMapping("/{id}/rotate")
    RotatedResponse rotate(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestBody(required = false) RotateRequest request) {
        Integer hours = request == null ? null : request.graceHours();
        Integrations.Rotated rotated = integrations.rotate(caller.brandId(), id,
                hours == null ? null : Duration.ofHours(hours));
        Integration i = rotated.integration();
        String url = integrations.inboundUrl(i.type(), rotated.key());
        return new RotatedResponse(i.id(), rotated.key(), url,
                i.type() == IntegrationType.SHAREASALE ? url + "?" + PostbackParser.SHAREASALE_QUERY : null,
                rotated.previousKeyValidUntil());
    }

    private IntegrationResponse response(UUID brandId, Integration i) {
        return IntegrationResponse.of(i, integrations.offersFed(brandId).getOrDefault(i.id(), Set.of()),
                clock.instant());
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
