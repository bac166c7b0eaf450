package io.linkledger.conversions;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.linkledger.conversions.Attribution.Attributed;
import io.linkledger.conversions.InboundRequest.Outcome;
import io.linkledger.shared.ProblemException;
import io.linkledger.conversions.Attribution.AttributedClick;

/**
 * Handles a batch of received postbacks in the caller's transaction with a few statements for
 * all of them: it reads the conversions already holding their keys, their clicks and the orders
 * already credited at once, decides each request in arrival order as {@link Conversions#record}
 * would (a repeat inside the batch answers with the conversion made earlier in it), then writes
 * the new conversions and every request's raw row with its outcome together.
 *
 * <p>What needs more than that (attribution by code or member id, volume tiers, an order another
 * conversion already credits) is left out of the batch and handled on its own afterwards.
 */
@Component
class PostbackBatch {

    /** A received postback: its raw row to be, and its parsed claim or why it was refused at receipt. */
    record Received(Integration integration, InboundRequest request, Claim claim, ProblemException refused) {
    }

    /** What became of one postback of the batch. */
    sealed interface Handled {
    }

    record Answered(Intake.Result result) implements Handled {
    }

    record Refused(ProblemException problem) implements Handled {
    }

    /** Not handled here and nothing of it written: process it on its own. */
    record Alone() implements Handled {
    }

    private final ConversionRepository repository;
    private final Conversions conversions;
    private final Attribution attribution;
    private final CommissionEngine engine;
    private final InboundRepository inbound;
    private final Clock clock;

    PostbackBatch(ConversionRepository repository, Conversions conversions, Attribution attribution,
            CommissionEngine engine, InboundRepository inbound, Clock clock) {
        this.repository = repository;
        this.conversions = conversions;
        this.attribution = attribution;
        this.engine = engine;
        this.inbound = inbound;
        this.clock = clock;
    }

    /** One answer per postback, in order. */
    @Transactional(propagation = Propagation.MANDATORY)
    List<Handled> handle(List<Received> batch) {
        Map<String, Conversion> existing = new HashMap<>();
        Set<String> creditedOrders = new HashSet<>();
        Map<String, AttributedClick> clicked = attribution.clicksWithAssignments(batch.stream()
                .filter(r -> r.claim() != null && r.claim().transactionId() != null)
                .map(r -> r.claim().transactionId()).distinct().toList());
        readByBrand(batch, existing, creditedOrders);

        Instant now = clock.instant();
        Map<String, Conversion> created = new LinkedHashMap<>();
        List<InboundRequest> rows = new ArrayList<>();
        List<Handled> handled = new ArrayList<>(batch.size());
        for (Received r : batch) {
            if (r.refused() != null) {
                rows.add(refused(r, r.refused(), now));
                handled.add(new Refused(r.refused()));
                continue;
            }
            String key = Conversions.key(r.integration(), r.claim());
            Conversion earlier = created.containsKey(key) ? created.get(key) : existing.get(key);
            if (earlier != null) {
                rows.add(outcome(r, Outcome.DUPLICATE, earlier, now));
                handled.add(answer(r, earlier, Outcome.DUPLICATE));
                continue;
            }
            if (r.claim().transactionId() == null) {
                handled.add(new Alone());
                continue;
            }
            try {
                Attributed attributed = attribution.byClick(r.integration(), r.claim(),
                        Optional.ofNullable(clicked.get(r.claim().transactionId())));
                if (engine.usesMonthSales(attributed.offer(), attributed.assignment(), attributed.terms())) {
                    handled.add(new Alone());
                    continue;
                }
                Conversion conversion = conversions.draft(r.integration(), r.claim(), attributed);
                if (Conversions.creditsOrder(conversion) && !creditedOrders.add(orderOf(conversion))) {
                    handled.add(new Alone());
                    continue;
                }
                created.put(key, conversion);
                rows.add(outcome(r, Outcome.ACCEPTED, conversion, now));
                handled.add(answer(r, conversion, Outcome.ACCEPTED));
            } catch (ProblemException e) {
                rows.add(refused(r, e, now));
                handled.add(new Refused(e));
            }
        }
        inbound.insertAll(rows);
        conversions.createAll(List.copyOf(created.values()));
        return handled;
    }

    /** The conversions holding the batch's keys, and the orders live conversions credit, brand by brand. */
    private void readByBrand(List<Received> batch, Map<String, Conversion> existing, Set<String> creditedOrders) {
        Map<UUID, List<Claimed>> byBrand = new HashMap<>();
        for (Received r : batch) {
            if (r.claim() != null) {
                byBrand.computeIfAbsent(r.integration().brandId(), b -> new ArrayList<>())
                        .add(new Claimed(Conversions.key(r.integration(), r.claim()),
                                Conversion.orderKey(r.claim().orderId())));
            }
        }
        byBrand.forEach((brandId, claims) -> {
            existing.putAll(repository.findByKeys(brandId, claims.stream().map(Claimed::key).distinct().toList()));
            repository.creditedOrderKeys(brandId, claims.stream().map(Claimed::orderKey)
                            .filter(k -> k != null).distinct().toList())
                    .forEach(orderKey -> creditedOrders.add(brandId + ":" + orderKey));
        });
    }

    private record Claimed(String key, String orderKey) {
    }

    private static String orderOf(Conversion c) {
        return c.brandId() + ":" + Conversion.orderKey(c.orderId());
    }

    private static Answered answer(Received r, Conversion c, Outcome outcome) {
        return new Answered(new Intake.Result(r.request().id(), c.id(), c.status(), outcome));
    }

    private static InboundRequest outcome(Received r, Outcome outcome, Conversion c, Instant now) {
        InboundRequest q = r.request();
        return new InboundRequest(q.id(), q.integrationId(), q.brandId(), q.receivedAt(), q.inbound(), q.webhookId(),
                outcome, 200, null, c.id(), 1, now);
    }

    private static InboundRequest refused(Received r, ProblemException e, Instant now) {
        InboundRequest q = r.request();
        return new InboundRequest(q.id(), q.integrationId(), q.brandId(), q.receivedAt(), q.inbound(), q.webhookId(),
                Outcome.REJECTED, e.status().value(), e.getMessage(), null, 1, now);
    }
}
