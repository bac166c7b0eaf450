package io.linkledger.conversions;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.linkledger.conversions.Conversions.Recorded;
import io.linkledger.conversions.InboundRequest.Outcome;
import io.linkledger.conversions.PostbackBatch.Answered;
import io.linkledger.conversions.PostbackBatch.Handled;
import io.linkledger.conversions.PostbackBatch.Received;
import io.linkledger.conversions.PostbackBatch.Refused;
import io.linkledger.shared.Ids;
import io.linkledger.shared.ProblemException;
import io.linkledger.shared.Tokens;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The door for every inbound conversion: stores the request raw before or together with its
 * outcome, checks where it came from, processes it, and records the outcome on the stored row.
 * Postbacks and pixel hits go through {@link PostbackBatcher}: concurrent ones are stored and
 * handled in one transaction, their raw rows committed with their outcomes. Shop webhooks,
 * replays, test purchases and whatever a batch leaves out are stored first (committed), then
 * processed, the outcome recorded on the stored row.
 */
@Service
class Intake {

    private static final Logger log = LoggerFactory.getLogger(Intake.class);

    private final Integrations integrations;
    private final InboundRepository inbound;
    private final PostbackParser postbacks;
    private final ShopifyWebhooks shopify;
    private final Conversions conversions;
    private final Ids ids;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final TransactionTemplate transactions;
    private final PostbackBatcher batcher;

    Intake(Integrations integrations, InboundRepository inbound, PostbackParser postbacks, ShopifyWebhooks shopify,
            Conversions conversions, Ids ids, Clock clock, MeterRegistry metrics, TransactionTemplate transactions,
            PostbackBatcher batcher) {
        this.transactions = transactions;
        this.batcher = batcher;
        this.integrations = integrations;
        this.inbound = inbound;
        this.postbacks = postbacks;
        this.shopify = shopify;
        this.conversions = conversions;
        this.ids = ids;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** What the caller is told: the conversion (null when ignored) and its status. */
    record Result(UUID requestId, UUID conversionId, ConversionStatus status, Outcome outcome) {
    }

    Result receive(String key, List<IntegrationType> types, Inbound request, String authorization) {
        Integration integration = integrations.byKey(key)
                .orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "No integration has this inbound URL"));
        InboundRequest stored = new InboundRequest(ids.next(), integration.id(), integration.brandId(), clock.instant(),
                request, PostbackParser.blankToNull(request.header("X-Shopify-Webhook-Id")), Outcome.RECEIVED, null,
                null, null, 0, null);
        Runnable checks = () -> {
            if (!types.contains(integration.type())) {
                throw new ProblemException(HttpStatus.NOT_FOUND, "This is a " + integration.type()
                        + " integration; send to " + integrations.inboundPath(integration.type(), "<key>"));
            }
            checkSource(integration, request, authorization);
        };
        if (integration.type() != IntegrationType.SHOPIFY) {
            Handled handled = batched(integration, stored, checks);
            if (handled instanceof Answered answered) {
                count(answered.result().outcome().name());
                return answered.result();
            }
            if (handled instanceof Refused refused) {
                count("rejected");
                throw refused.problem();
            }
        }
        inbound.insert(stored);
        return process(integration, stored, checks);
    }

    /** Checks and parses here, then lets the postback's batch store and handle it. */
    private Handled batched(Integration integration, InboundRequest stored, Runnable checks) {
        Claim claim = null;
        ProblemException refused = null;
        try {
            checks.run();
            claim = postbacks.parse(integration, stored.inbound(), false);
        } catch (ProblemException e) {
            refused = e;
        } catch (RuntimeException e) {
            // Unexpected: the request goes the single way, which records the failure on its row.
            return new PostbackBatch.Alone();
        }
        return batcher.submit(new Received(integration, stored, claim, refused));
    }

    /** Processes a stored request again, e.g. after the brand fixed the integration's settings. */
    Result replay(UUID brandId, UUID integrationId, UUID requestId) {
        Integration integration = integrations.get(brandId, integrationId);
        InboundRequest stored = inbound.find(requestId).filter(r -> r.integrationId().equals(integration.id()))
                .orElseThrow(() -> ProblemException.notFound("Inbound request", requestId));
        // Source checks (IP, Basic auth) passed or failed at receipt; the brand vouches for a replay.
        return process(integration, stored, () -> { });
    }

    /** Stores and processes a synthetic postback crediting a chosen member, marked as a test. */
    Result testPurchase(UUID brandId, UUID integrationId, UUID offerId, UUID memberId, String amount) {
        Integration integration = integrations.get(brandId, integrationId);
        String query = "member_id=" + memberId + "&offer_id=" + offerId + "&order_id=TEST-" + ids.next()
                + "&amount=" + (amount == null ? "100.00" : amount);
        InboundRequest stored = new InboundRequest(ids.next(), integration.id(), brandId, clock.instant(),
                new Inbound("TEST", query, Map.of(), null, null), null, Outcome.RECEIVED, null, null, null,
                0, null);
        inbound.insert(stored);
        return process(integration, stored, () -> { });
    }

    List<InboundRequest> recent(UUID brandId, UUID integrationId, int limit) {
        Integration integration = integrations.get(brandId, integrationId);
        return inbound.recent(integration.id(), limit);
    }

    private Result process(Integration integration, InboundRequest stored, Runnable checks) {
        try {
            checks.run();
            // The outcome commits with the conversion: one commit after the raw row's, not two.
            Result result = transactions.execute(tx -> {
                Result handled = handle(integration, stored);
                inbound.finish(stored.id(), handled.outcome(), 200, null, handled.conversionId(), clock.instant());
                return handled;
            });
            count(result.outcome().name());
            return result;
        } catch (ProblemException e) {
            inbound.finish(stored.id(), Outcome.REJECTED, e.status().value(), e.getMessage(), null, clock.instant());
            count("rejected");
            throw e;
        } catch (RuntimeException e) {
            log.error("Inbound request {} of integration {} failed", stored.id(), integration.id(), e);
            inbound.finish(stored.id(), Outcome.FAILED, 500, "Failed: " + e.getClass().getSimpleName(), null,
                    clock.instant());
            count("failed");
            throw e;
        }
    }

    private void count(String outcome) {
        metrics.counter("linkledger.postbacks", "outcome", outcome.toLowerCase(Locale.ROOT)).increment();
    }

    private Result handle(Integration integration, InboundRequest stored) {
        Inbound request = stored.inbound();
        if ("TEST".equals(request.method())) {
            return result(stored, conversions.record(integration, postbacks.parse(withGenericNames(integration), request, true)));
        }
        if (integration.type() == IntegrationType.SHOPIFY) {
            if (stored.webhookId() != null) {
                var earlier = inbound.handledDelivery(integration.id(), stored.webhookId(), stored.id());
                if (earlier.isPresent()) {
                    UUID conversionId = earlier.get().conversionId();
                    ConversionStatus status = conversionId == null ? null
                            : conversions.get(integration.brandId(), conversionId).status();
                    return new Result(stored.id(), conversionId, status, Outcome.DUPLICATE);
                }
            }
            Recorded recorded = shopify.handle(integration, request);
            return recorded == null ? new Result(stored.id(), null, null, Outcome.IGNORED) : result(stored, recorded);
        }
        return result(stored, conversions.record(integration, postbacks.parse(integration, request, false)));
    }

    /** Test purchases always use our own parameter names, whatever the integration maps. */
    private static Integration withGenericNames(Integration i) {
        return new Integration(i.id(), i.brandId(), IntegrationType.POSTBACK, i.name(), i.keyHash(), i.secret(), null,
                null, null, Map.of(), i.timeZone(), List.of(), i.offerId(), i.orderTopic(), i.creditPriority(),
                i.createdAt());
    }

    private static Result result(InboundRequest stored, Recorded recorded) {
        return new Result(stored.id(), recorded.conversion().id(), recorded.conversion().status(),
                recorded.duplicate() ? Outcome.DUPLICATE : Outcome.ACCEPTED);
    }

    private static void checkSource(Integration integration, Inbound request, String authorization) {
        if (!integration.ipAllowList().isEmpty() && !IpAllowList.allows(integration.ipAllowList(), request.remoteIp())) {
            throw new ProblemException(HttpStatus.FORBIDDEN,
                    "Requests from " + request.remoteIp() + " are not on this integration's IP allow-list");
        }
        if (integration.basicUser() != null) {
            String expected = integration.basicUser();
            String given = null;
            String password = null;
            if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                try {
                    String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                            StandardCharsets.UTF_8);
                    int colon = decoded.indexOf(':');
                    given = colon < 0 ? decoded : decoded.substring(0, colon);
                    password = colon < 0 ? "" : decoded.substring(colon + 1);
                } catch (IllegalArgumentException e) {
                    given = null;
                }
            }
            if (given == null || !Signatures.same(expected, given)
                    || !Signatures.same(integration.basicPasswordHash(), Tokens.sha256(password))) {
                throw Signatures.unauthorized("HTTP Basic credentials are missing or wrong for this integration");
            }
        }
    }
}
