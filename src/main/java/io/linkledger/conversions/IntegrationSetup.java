package io.linkledger.conversions;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

/**
 * The brand console's view of integrations (the offer page's integration box): list, create,
 * recent inbound requests and the test purchase, as public values. The API's controller uses
 * {@link Integrations} and {@link Intake} directly; this adds no rules of its own.
 */
@Service
public class IntegrationSetup {

    private final Integrations integrations;
    private final Intake intake;

    IntegrationSetup(Integrations integrations, Intake intake) {
        this.integrations = integrations;
        this.intake = intake;
    }

    /** An integration as the console lists it; {@code inboundUrl} shows {@code <key>} where the key goes. */
    public record Summary(UUID id, IntegrationType type, String name, String inboundUrl, String shareasalePostbackUrl,
            Instant createdAt) {
    }

    /** A new integration with its full inbound URL: the key appears only in this answer. */
    public record Created(UUID id, IntegrationType type, String name, String inboundUrl, String shareasalePostbackUrl)
            implements Serializable {
    }

    /** One inbound request and what became of it. */
    public record RecentRequest(UUID id, Instant receivedAt, String method, String query, String outcome,
            Integer statusCode, String reason, UUID conversionId) {
    }

    /** What a test purchase did: the outcome and the conversion it made (null when none). */
    public record TestOutcome(UUID requestId, String outcome, UUID conversionId, String status) implements Serializable {
    }

    public List<Summary> list(UUID brandId) {
        return integrations.list(brandId).stream().map(i -> {
            String url = integrations.inboundUrl(i.type(), "<key>");
            return new Summary(i.id(), i.type(), i.name(), url, shareasale(i.type(), url), i.createdAt());
        }).toList();
    }

    public Created create(UUID brandId, IntegrationType type, String name) {
        Integrations.Created created = integrations.create(brandId, new Integrations.IntegrationRequest(type, name, null,
                null, null, null, null, null, null, null, null, null, null));
        Integration i = created.integration();
        String url = integrations.inboundUrl(i.type(), created.key());
        return new Created(i.id(), i.type(), i.name(), url, shareasale(i.type(), url));
    }

    public List<RecentRequest> recent(UUID brandId, UUID integrationId, int limit) {
        return intake.recent(brandId, integrationId, limit).stream()
                .map(r -> new RecentRequest(r.id(), r.receivedAt(), r.inbound().method(), r.inbound().query(),
                        r.handling().outcome().name(), r.handling().statusCode(), r.handling().reason(),
                        r.handling().conversionId()))
                .toList();
    }

    public TestOutcome testPurchase(UUID brandId, UUID integrationId, UUID offerId, UUID memberId, String amount) {
        Intake.Result r = intake.testPurchase(brandId, integrationId, offerId, memberId, amount);
        return new TestOutcome(r.requestId(), r.outcome().name(), r.conversionId(),
                r.status() == null ? null : r.status().name());
    }

    private static String shareasale(IntegrationType type, String url) {
        return type == IntegrationType.SHAREASALE ? url + "?" + PostbackParser.SHAREASALE_QUERY : null;
    }
}
