package io.linkledger.conversions;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.linkledger.conversions.ClaimDecider.Claimed;
import io.linkledger.conversions.Decision.Ignored;
import io.linkledger.conversions.Decision.Recorded;
import io.linkledger.conversions.Decision.Refused;
import io.linkledger.conversions.InboundRequest.Outcome;
import io.linkledger.conversions.Integration.Credentials;
import io.linkledger.conversions.PostbackBatch.Received;
import io.linkledger.shared.Ids;
import io.linkledger.shared.ProblemException;
import io.linkledger.tracking.Clicks;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The door for every inbound conversion: stores the request raw before or together with its
 * outcome, checks where it came from, has its claim decided by the {@link ClaimDecider}, and
 * records the outcome on the stored row. Postbacks and pixel hits go through the
 * {@link PostbackBatcher}: concurrent ones are decided in one transaction, their raw rows
 * committed with their outcomes. Shop webhooks, replays, test purchases and a postback the
 * batcher hands back are stored first (committed), then decided as a batch of one.
 */
@Service
class Intake {

    private static final Logger log = LoggerFactory.getLogger(Intake.class);
    /** Why a disabled integration's delivery was not acted on, as its sender and the inbound log say it. */
    static final String DISABLED = "This integration is disabled: nothing it receives is credited until it is enabled again";

    private final Integrations integrations;
    private final InboundRepository inbound;
    private final PostbackParser postbacks;
    private final ShopifyWebhooks shopify;
    private final ClaimDecider decider;
    private final Conversions conversions;
    private final Ids ids;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final TransactionTemplate transactions;
    private final PostbackBatcher batcher;
    private final PixelLimit pixelLimit;
    private final Clicks clicks;

    Intake(Integrations integrations, InboundRepository inbound, PostbackParser postbacks, ShopifyWebhooks shopify,
            ClaimDecider decider, Conversions conversions, Ids ids, Clock clock, MeterRegistry metrics,
            TransactionTemplate transactions, PostbackBatcher batcher, PixelLimit pixelLimit, Clicks clicks) {
        this.integrations = integrations;
        this.inbound = inbound;
        this.postbacks = postbacks;
        this.shopify = shopify;
        this.decider = decider;
        this.conversions = conversions;
        this.ids = ids;
        this.clock = clock;
        this.metrics = metrics;
        this.transactions = transactions;
        this.batcher = batcher;
        this.pixelLimit = pixelLimit;
        this.clicks = clicks;
    }

    /** What the caller is told: the conversion (null when ignored), its status, and why nothing was done. */
    record Result(UUID requestId, UUID conversionId, ConversionStatus status, Outcome outcome, String reason) {
    }

    Result receive(String key, List<IntegrationType> types, Inbound request, String authorization) {
        Integration integration = integrations.byKey(key)
                .orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "No integration has this inbound URL"));
        InboundRequest stored = InboundRequest.received(ids.next(), integration, clock.instant(), request);
        // Where it came from and its signature first, redeliveries included: an unproven request is
        // refused, and stored with only the start of its body.
        ProblemException refused = null;
        try {
            if (!types.contains(integration.type())) {
                throw new ProblemException(HttpStatus.NOT_FOUND, "This is a " + integration.type()
                        + " integration; send to " + integrations.inboundPath(integration.type(), "<key>"));
            }
            checkSource(integration.credentials(), request, authorization);
            authenticate(integration, stored);
            // Shopify's are acknowledged (and logged IGNORED in decide): any other answer makes Shopify retry, then drop the webhook.
            if (!integration.access().enabled() && integration.type() != IntegrationType.SHOPIFY) {
                throw new ProblemException(HttpStatus.FORBIDDEN, DISABLED);
            }
        } catch (ProblemException e) {
            refused = e;
        }
        if (refused == null && integration.type() == IntegrationType.PIXEL) {
            // Over the limit: answered as any pixel hit is, recorded in the inbound log only.
            Optional<String> limited = pixelLimit.exceeded(integration, request);
            if (limited.isPresent()) {
                inbound.insert(stored.limited(limited.get(), clock.instant()));
                return counted(() -> new Result(stored.id(), null, null, Outcome.IGNORED, limited.get()));
            }
        }
        if (integration.type() != IntegrationType.SHOPIFY) {
            Optional<Decision> batched = batched(integration, stored, refused);
            if (batched.isPresent()) {
                return counted(() -> result(stored, batched.get()));
            }
        }
        if (refused != null) {
            inbound.insert(stored.rejected(refused, clock.instant()));
            ProblemException problem = refused;
            return counted(() -> {
                throw problem;
            });
        }
        inbound.insert(stored);
        return process(integration, stored);
    }

    /** Parses an accepted postback here, then lets its batch decide it and store it with its outcome. */
    private Optional<Decision> batched(Integration integration, InboundRequest stored, ProblemException refused) {
        Claim claim = null;
        ProblemException problem = refused;
        if (problem == null) {
            try {
                claim = postbacks.parse(integration, stored.inbound(), stored.receivedAt());
                if (claim.transactionId() != null) {
                    // Waits here, on the request's own thread, not in the batch: in kafka mode its click may be on its way.
                    clicks.awaitClick(claim.transactionId());
                }
            } catch (ProblemException e) {
                problem = e;
            } catch (RuntimeException e) {
                // Unexpected: the request goes the single way, which records the failure on its row.
                return Optional.empty();
            }
        }
        return batcher.submit(new Received(integration, stored, claim, problem));
    }

    /** Processes a stored request again, e.g. after the brand fixed the integration's settings. */
    Result replay(UUID brandId, UUID integrationId, UUID requestId) {
        Integration integration = enabled(integrations.get(brandId, integrationId));
        InboundRequest stored = inbound.find(requestId).filter(r -> r.integrationId().equals(integration.id()))
                .orElseThrow(() -> ProblemException.notFound("Inbound request", requestId));
        if (stored.inbound().bodyTruncated()) {
            throw ProblemException.conflict("Request " + requestId + " cannot be replayed: it failed its checks at "
                    + "receipt, so only the start of its body was kept. Have the sender send it again.");
        }
        // Source checks (IP, Basic auth) passed or failed at receipt; the brand vouches for a replay.
        // Its signature is checked again, against the time it was received.
        return process(integration, stored);
    }

    /** Stores and processes a synthetic postback crediting a chosen member, marked as a test. */
    Result testPurchase(UUID brandId, UUID integrationId, UUID offerId, UUID memberId, String amount) {
        Integration integration = enabled(integrations.get(brandId, integrationId));
        String query = "member_id=" + memberId + "&offer_id=" + offerId + "&order_id=TEST-" + ids.next()
                + "&amount=" + URLEncoder.encode(amount == null ? "100.00" : amount, StandardCharsets.UTF_8);
        InboundRequest stored = InboundRequest.received(ids.next(), integration, clock.instant(),
                new Inbound(PostbackParser.TEST_METHOD, query, Map.of(), null, null));
        inbound.insert(stored);
        return process(integration, stored);
    }

    /** The integration, if it is enabled: the brand's own replays and tests wait until it is. */
    private static Integration enabled(Integration integration) {
        if (!integration.access().enabled()) {
            throw ProblemException.conflict("Integration " + integration.id() + " is disabled: enable it first");
        }
        return integration;
    }

    List<InboundRequest> recent(UUID brandId, UUID integrationId, int limit) {
        Integration integration = integrations.get(brandId, integrationId);
        return inbound.recent(integration.id(), limit);
    }

    /** Decides a stored request on its own; the outcome commits with the conversion, one commit after the raw row's. */
    private Result process(Integration integration, InboundRequest stored) {
        try {
            return counted(() -> {
                try {
                    return decideAndFinish(integration, stored);
                } catch (DuplicateKeyException e) {
                    // A concurrent twin took the key between the read and the insert: decided again, it is a repeat.
                    return decideAndFinish(integration, stored);
                }
            });
        } catch (ProblemException e) {
            inbound.finish(stored.rejected(e, clock.instant()));
            throw e;
        } catch (RuntimeException e) {
            log.error("Inbound request {} of integration {} failed", stored.id(), integration.id(), e);
            inbound.finish(stored.failed(e, clock.instant()));
            throw e;
        }
    }

    private Result decideAndFinish(Integration integration, InboundRequest stored) {
        return transactions.execute(tx -> {
            Result result = decide(integration, stored);
            inbound.finish(stored.handled(result.outcome(), 200, result.reason(), result.conversionId(),
                    clock.instant()));
            return result;
        });
    }

    /** Whether the request proves who sent it: Shopify's HMAC, or the postback's signature; a 401 if not. */
    private void authenticate(Integration integration, InboundRequest stored) {
        Inbound request = stored.inbound();
        if (PostbackParser.TEST_METHOD.equals(request.method())) {
            return;
        }
        switch (integration.type()) {
            case SHOPIFY -> shopify.verify(integration, request);
            case POSTBACK, SHAREASALE -> postbacks.verify(integration, request, stored.receivedAt());
            case PIXEL -> { }
        }
    }

    private Result decide(Integration integration, InboundRequest stored) {
        Inbound request = stored.inbound();
        authenticate(integration, stored);
        if (PostbackParser.TEST_METHOD.equals(request.method())) {
            return result(stored, decider.decide(new Claimed(integration,
                    postbacks.parseTest(integration, request, stored.receivedAt()))));
        }
        if (integration.type() != IntegrationType.SHOPIFY) {
            return result(stored, decider.decide(new Claimed(integration,
                    postbacks.parse(integration, request, stored.receivedAt()))));
        }
        if (!integration.access().enabled()) {
            return new Result(stored.id(), null, null, Outcome.IGNORED, DISABLED);
        }
        if (stored.webhookId() != null) {
            var earlier = inbound.handledDelivery(integration.id(), stored.webhookId(), stored.id());
            if (earlier.isPresent()) {
                // A verified redelivery: answered as the first delivery was, not applied again.
                UUID conversionId = earlier.get().handling().conversionId();
                ConversionStatus status = conversionId == null ? null
                        : conversions.get(integration.brandId(), conversionId).state().status();
                return new Result(stored.id(), conversionId, status, Outcome.DUPLICATE, null);
            }
        }
        return result(stored, shopify.handle(integration, request, stored.receivedAt()));
    }

    /** What the caller is told of a decision; a refusal is thrown as the problem it is. */
    private static Result result(InboundRequest stored, Decision decision) {
        return switch (decision) {
            case Recorded r -> new Result(stored.id(), r.conversion().id(), r.conversion().state().status(),
                    r.outcome(), null);
            case Ignored i -> new Result(stored.id(), null, null, Outcome.IGNORED, i.reason());
            case Refused r -> throw r.problem();
        };
    }

    /** Runs {@code work}, counting its outcome: accepted, duplicate, ignored, rejected or failed. */
    private Result counted(Supplier<Result> work) {
        String outcome = "failed";
        try {
            Result result = work.get();
            outcome = result.outcome().name();
            return result;
        } catch (ProblemException e) {
            outcome = "rejected";
            throw e;
        } finally {
            metrics.counter("linkledger.postbacks", "outcome", outcome.toLowerCase(Locale.ROOT)).increment();
        }
    }

    private static void checkSource(Credentials credentials, Inbound request, String authorization) {
        if (!credentials.ipAllowList().isEmpty() && !IpAllowList.allows(credentials.ipAllowList(), request.remoteIp())) {
            throw new ProblemException(HttpStatus.FORBIDDEN,
                    "Requests from " + request.remoteIp() + " are not on this integration's IP allow-list");
        }
        if (credentials.basicUser() != null) {
            Signatures.checkBasic(credentials.basicUser(), credentials.basicPasswordHash(), authorization);
        }
    }
}
