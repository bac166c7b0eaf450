package io.linkledger.conversions;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;

/**
 * The brand console's view of integrations (the Integrations page and the offer page's
 * integration box): list, create, rename, feed offers, disable, rotate, recent inbound requests
 * and the test purchase, as public values. The API's controller uses {@link Integrations} and
 * {@link Intake} directly; this adds no rules of its own.
 */
@Service
public class IntegrationSetup {

    private final Integrations integrations;
    private final Intake intake;
    private final Clock clock;

    IntegrationSetup(Integrations integrations, Intake intake, Clock clock) {
        this.integrations = integrations;
        this.intake = intake;
        this.clock = clock;
    }

    /**
     * An integration as the console lists it; {@code inboundUrl} shows {@code <key>} where the key
     * goes. {@code offerIds}: the offers it feeds; {@code lastDelivery}: the newest inbound request
     * (null: none yet); {@code previousKeyValidUntil}: until when the key a rotation replaced still
     * works (null: it no longer does).
     */
    public record Summary(UUID id, IntegrationType type, String name, String inboundUrl, String shareasalePostbackUrl,
            Instant createdAt, boolean enabled, Set<UUID> offerIds, RecentRequest lastDelivery, Instant keyRotatedAt,
            Instant previousKeyValidUntil) {

        public boolean feeds(UUID offerId) {
            return offerIds.contains(offerId);
        }
    }

    /**
     * A new integration, or a new key of one, with its full inbound URL: the key appears only in
     * this answer. {@code previousKeyValidUntil}: after a rotation, until when the old key works.
     */
    public record Created(UUID id, IntegrationType type, String name, String inboundUrl, String shareasalePostbackUrl,
            Instant previousKeyValidUntil) implements Serializable {
    }

    /** One inbound request and what became of it. */
    public record RecentRequest(UUID id, Instant receivedAt, String method, String query, String outcome,
            Integer statusCode, String reason, UUID conversionId) {
    }

    /** What a test purchase did: the outcome and the conversion it made (null when none). */
    public record TestOutcome(UUID requestId, String outcome, UUID conversionId, String status) implements Serializable {
    }

    /** Every integration of the brand, oldest first, each with the offers it feeds and its last delivery. */
    public List<Summary> list(UUID brandId) {
        Map<UUID, Set<UUID>> fed = integrations.offersFed(brandId);
        return integrations.list(brandId).stream().map(i -> summary(i, fed.getOrDefault(i.id(), Set.of()))).toList();
    }

    /** The integrations that feed this offer. */
    public List<Summary> feeding(UUID brandId, UUID offerId) {
        return list(brandId).stream().filter(s -> s.feeds(offerId)).toList();
    }

    public Summary get(UUID brandId, UUID id) {
        return summary(integrations.get(brandId, id),
                integrations.offersFed(brandId).getOrDefault(id, Set.of()));
    }

    /** A new integration feeding {@code offerIds}; {@code secret} signs Shopify's webhooks (null for the others). */
    public Created create(UUID brandId, IntegrationType type, String name, String secret, List<UUID> offerIds) {
        Integrations.Created created = integrations.create(brandId, request(type, name, secret, null, offerIds));
        Integration i = created.integration();
        return issued(i, created.key(), null);
    }

    /** A new name and the offers it feeds. */
    public void update(UUID brandId, UUID id, String name, List<UUID> offerIds) {
        integrations.update(brandId, id, request(null, name, null, null, offerIds));
    }

    public void setEnabled(UUID brandId, UUID id, boolean enabled) {
        integrations.update(brandId, id, request(null, null, null, enabled, null));
    }

    /** A new key; the old one keeps working for {@code grace}. */
    public Created rotate(UUID brandId, UUID id, Duration grace) {
        Integrations.Rotated rotated = integrations.rotate(brandId, id, grace);
        return issued(rotated.integration(), rotated.key(), rotated.previousKeyValidUntil());
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

    private Summary summary(Integration i, Set<UUID> offerIds) {
        String url = integrations.inboundUrl(i.type(), "<key>");
        List<RecentRequest> last = recent(i.brandId(), i.id(), 1);
        return new Summary(i.id(), i.type(), i.name(), url, shareasale(i.type(), url), i.createdAt(),
                i.access().enabled(), Set.copyOf(offerIds), last.isEmpty() ? null : last.getFirst(),
                i.access().keyRotatedAt(), i.access().previousKeyValidUntil(clock.instant()));
    }

    private Created issued(Integration i, String key, Instant previousKeyValidUntil) {
        String url = integrations.inboundUrl(i.type(), key);
        return new Created(i.id(), i.type(), i.name(), url, shareasale(i.type(), url), previousKeyValidUntil);
    }

    private static Integrations.IntegrationRequest request(IntegrationType type, String name, String secret,
            Boolean enabled, List<UUID> offerIds) {
        return new Integrations.IntegrationRequest(type, name, secret, null, null, null, null, null, null, null, null,
                null, null, enabled, offerIds);
    }

    private static String shareasale(IntegrationType type, String url) {
        return type == IntegrationType.SHAREASALE ? url + "?" + PostbackParser.SHAREASALE_QUERY : null;
    }
}
