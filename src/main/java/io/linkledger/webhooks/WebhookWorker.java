package io.linkledger.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.random.RandomGenerator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.linkledger.security.SecretBox;

/**
 * Delivers queued webhook events: claims due deliveries (safe with several nodes polling), posts
 * each signed payload, and records what the endpoint answered. A 2xx is a success; anything else,
 * a redirect included, or no answer within the timeout is a failure, retried on the
 * {@link RetrySchedule}. Turned off with {@code linkledger.webhooks.deliver=false}.
 */
@Component
@ConditionalOnProperty(name = "linkledger.webhooks.deliver", havingValue = "true")
class WebhookWorker {

    static final String EVENT_ID_HEADER = "Linkledger-Event-Id";
    private static final Logger log = LoggerFactory.getLogger(WebhookWorker.class);
    private static final int BATCH = 50;
    private static final int MAX_ERROR = 2000;
    /** A claim older than this was left by a node that stopped: far longer than any attempt may take. */
    private static final Duration STALE_CLAIM = Duration.ofMinutes(5);

    private final DeliveryRepository deliveries;
    private final EndpointRepository endpoints;
    private final EndpointHealth health;
    private final EndpointUrls urls;
    private final SecretBox secrets;
    private final Clock clock;
    private final RetrySchedule schedule;
    private final Duration timeout;
    private final HttpClient http;
    private final RandomGenerator random = RandomGenerator.getDefault();

    WebhookWorker(DeliveryRepository deliveries, EndpointRepository endpoints, EndpointHealth health,
            EndpointUrls urls, SecretBox secrets, Clock clock,
            @Value("${linkledger.webhooks.retry-base}") Duration retryBase,
            @Value("${linkledger.webhooks.max-backoff}") Duration maxBackoff,
            @Value("${linkledger.webhooks.give-up-after}") Duration giveUpAfter,
            @Value("${linkledger.webhooks.connect-timeout}") Duration connectTimeout,
            @Value("${linkledger.webhooks.timeout}") Duration timeout) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.health = health;
        this.urls = urls;
        this.secrets = secrets;
        this.clock = clock;
        this.schedule = new RetrySchedule(retryBase, maxBackoff, giveUpAfter);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Scheduled(fixedDelayString = "${linkledger.webhooks.poll-interval-ms}")
    void deliverDue() {
        deliveries.releaseStale(clock.instant().minus(STALE_CLAIM));
        List<Delivery> batch;
        do {
            batch = deliveries.claimDue(clock.instant(), BATCH);
            // One slow endpoint must not hold up the others: each delivery on its own virtual thread.
            try (ExecutorService each = Executors.newVirtualThreadPerTaskExecutor()) {
                batch.forEach(d -> each.submit(() -> deliver(d)));
            }
        } while (batch.size() == BATCH);
    }

    private void deliver(Delivery delivery) {
        try {
            EndpointRepository.Signing signing = endpoints.signing(delivery.endpointId()).orElse(null);
            if (signing == null) {
                return; // deleted meanwhile, with its deliveries
            }
            Attempt attempt = attempt(delivery, signing);
            if (attempt.succeeded()) {
                deliveries.delivered(delivery.id(), attempt.seen());
                health.succeeded(delivery.endpointId());
                return;
            }
            Optional<Instant> next = schedule.next(delivery.attempts() + 1, delivery.createdAt(), attempt.seen().at(),
                    random);
            deliveries.failed(delivery.id(), attempt.seen(), next.orElse(null));
            log.info("Webhook delivery {} to endpoint {} failed (attempt {}): {}; {}", delivery.id(),
                    delivery.endpointId(), delivery.attempts() + 1, attempt.seen().error(),
                    next.map(at -> "next attempt at " + at).orElse("given up"));
            health.failed(signing.endpoint(), attempt.seen().at(), schedule.giveUpAfter(), attempt.seen().error());
        } catch (RuntimeException e) {
            // Left SENDING: released for another try once its claim is stale.
            log.error("Webhook delivery {} could not be recorded", delivery.id(), e);
        }
    }

    private record Attempt(boolean succeeded, DeliveryRepository.Attempt seen) {
    }

    private Attempt attempt(Delivery delivery, EndpointRepository.Signing signing) {
        Instant started = clock.instant();
        URI uri = URI.create(signing.endpoint().url());
        Optional<String> refused = urls.internalAddress(uri.getHost());
        if (refused.isPresent()) {
            return failure(null, started, "Not sent: the URL " + refused.get());
        }
        long now = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Linkledger-Webhooks/1")
                .header(WebhookSignature.HEADER,
                        WebhookSignature.header(secrets.open(signing.sealedSecret()), now, delivery.payload()))
                .header(EVENT_ID_HEADER, delivery.eventId().toString())
                .header("Linkledger-Event-Type", delivery.event().type())
                .header("Linkledger-Delivery-Id", delivery.id().toString())
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            // The answer's body is not read: closing it at once bounds the attempt by the timeout,
            // whatever the endpoint streams back.
            response.body().close();
            int code = response.statusCode();
            if (code >= 200 && code < 300) {
                return new Attempt(true, new DeliveryRepository.Attempt(code, millisSince(started), null,
                        clock.instant()));
            }
            return failure(code, started, "Answered HTTP " + code);
        } catch (IOException e) {
            return failure(null, started, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failure(null, started, "Interrupted while sending");
        }
    }

    private Attempt failure(Integer code, Instant started, String error) {
        String kept = error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        return new Attempt(false, new DeliveryRepository.Attempt(code, millisSince(started), kept, clock.instant()));
    }

    private long millisSince(Instant started) {
        return Duration.between(started, clock.instant()).toMillis();
    }
}
