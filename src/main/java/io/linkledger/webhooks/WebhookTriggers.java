package io.linkledger.webhooks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.linkledger.assignments.Assignment;
import io.linkledger.assignments.MembersAssigned;
import io.linkledger.conversions.Conversion;
import io.linkledger.conversions.ConversionMoneyChanged;
import io.linkledger.conversions.ConversionStatus;
import io.linkledger.conversions.Conversions;
import io.linkledger.conversions.MoneyChange;
import io.linkledger.ledger.MemberPaid;
import io.linkledger.ledger.PayoutFailed;
import io.linkledger.offers.Offer;
import io.linkledger.offers.Offers;
import io.linkledger.shared.Money;
import io.linkledger.shared.PublicUrls;
import io.linkledger.webhooks.WebhookPayload.AssignmentData;
import io.linkledger.webhooks.WebhookPayload.ConversionData;
import io.linkledger.webhooks.WebhookPayload.PaymentData;

/**
 * Turns the other features' domain events into webhook events, synchronously, inside the
 * transaction that published them (they are all published before commit), so the outbox rows
 * commit or roll back with the change.
 */
@Component
class WebhookTriggers {

    private final WebhookOutbox outbox;
    private final Conversions conversions;
    private final Offers offers;
    private final PublicUrls urls;

    WebhookTriggers(WebhookOutbox outbox, Conversions conversions, Offers offers, PublicUrls urls) {
        this.outbox = outbox;
        this.conversions = conversions;
        this.offers = offers;
        this.urls = urls;
    }

    /**
     * {@code conversion.created} for a new conversion; {@code .approved}, {@code .held} and {@code .reversed}
     * when it arrives in or moves to that status (a paid conversion put back to approved after its payout
     * came back is not approved again). Amount changes alone send nothing.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(ConversionMoneyChanged event) {
        Map<UUID, List<MoneyChange>> byBrand = new LinkedHashMap<>();
        event.changes().forEach(c -> byBrand.computeIfAbsent(c.brandId(), b -> new ArrayList<>()).add(c));
        byBrand.forEach((brandId, changes) -> {
            List<Endpoint> endpoints = outbox.endpointsOf(brandId);
            if (endpoints.isEmpty()) {
                return;
            }
            for (MoneyChange change : changes) {
                for (WebhookEvent type : types(change)) {
                    outbox.queue(endpoints, type, change.at(), () -> conversion(change));
                }
            }
        });
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(MemberPaid paid) {
        outbox.queue(outbox.endpointsOf(paid.brandId()), WebhookEvent.PAYMENT_COMPLETED, paid.at(),
                () -> payment(paid.paymentId(), paid.memberId(), paid.amount(), null, paid.at()));
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(PayoutFailed failed) {
        outbox.queue(outbox.endpointsOf(failed.brandId()), WebhookEvent.PAYMENT_FAILED, failed.at(),
                () -> payment(failed.paymentId(), failed.memberId(), failed.amount(), failed.reason(), failed.at()));
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(MembersAssigned assigned) {
        if (assigned.assignments().isEmpty()) {
            return;
        }
        Assignment first = assigned.assignments().getFirst();
        List<Endpoint> endpoints = outbox.endpointsOf(first.brandId());
        if (endpoints.stream().noneMatch(e -> e.receives(WebhookEvent.MEMBER_ASSIGNED))) {
            return;
        }
        Offer offer = offers.get(first.brandId(), first.offerId());
        for (Assignment a : assigned.assignments()) {
            outbox.queue(endpoints, WebhookEvent.MEMBER_ASSIGNED, a.createdAt(), () -> new AssignmentData(
                    a.offerId(), a.memberId(), a.projectId(),
                    offer.type().hasLink() ? urls.trackingLink(a.linkCode()) : null,
                    offer.type().hasCode() ? a.promoCode() : null));
        }
    }

    static List<WebhookEvent> types(MoneyChange change) {
        List<WebhookEvent> types = new ArrayList<>();
        ConversionStatus from = change.fromStatus();
        ConversionStatus to = change.toStatus();
        if (from == null) {
            types.add(WebhookEvent.CONVERSION_CREATED);
        }
        if (from != to) {
            switch (to) {
                case APPROVED -> {
                    if (from != ConversionStatus.PAID) {
                        types.add(WebhookEvent.CONVERSION_APPROVED);
                    }
                }
                case HELD -> types.add(WebhookEvent.CONVERSION_HELD);
                case REVERSED -> types.add(WebhookEvent.CONVERSION_REVERSED);
                default -> {
                }
            }
        }
        return types;
    }

    private ConversionData conversion(MoneyChange change) {
        Conversion c = conversions.get(change.brandId(), change.conversionId());
        Money sale = c.amounts().sale();
        return new ConversionData(c.id(), c.state().status().name(),
                change.fromStatus() == null ? null : change.fromStatus().name(), c.credit().offerId(),
                c.credit().memberId(), c.source().orderId(), c.credit().transactionId(), c.credit().promoCode(),
                sale == null ? null : sale.toDecimalString(), c.amounts().commission().toDecimalString(),
                c.amounts().commission().currency().getCurrencyCode(), c.state().reason(), c.source().convertedAt(),
                c.source().test());
    }

    private static PaymentData payment(UUID paymentId, UUID memberId, Money amount, String reason,
            Instant at) {
        return new PaymentData(paymentId, memberId, amount.toDecimalString(), amount.currency().getCurrencyCode(),
                reason, at);
    }
}
