package io.linkledger.conversions;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.linkledger.conversions.Attribution.Attributed;
import io.linkledger.conversions.ClaimDecider.Claimed;
import io.linkledger.offers.OfferCaps;

/**
 * Runs every {@link QualityRule} on a conversion a claim is about to make; each rule that fires
 * is a reason to hold it. Counts see the conversions stored and those made earlier in the batch,
 * so a batch of claims is judged as the same claims one after the other would be.
 */
@Component
class QualityRules {

    private final List<QualityRule> rules;
    private final OfferCache offers;
    private final HoldRepository repository;

    QualityRules(List<QualityRule> rules, OfferCache offers, HoldRepository repository) {
        this.rules = List.copyOf(rules);
        this.offers = offers;
        this.repository = repository;
    }

    /** Why {@code draft} is held, in the rules' order; empty when no rule fires. */
    List<Hold> check(Claimed claimed, Attributed attributed, Conversion draft, BatchView view) {
        var caps = offers.find(draft.credit().offerId()).map(OfferCache.Snapshot::caps)
                .orElse(OfferCaps.NONE);
        Candidate candidate = new Candidate(draft, claimed.integration().type(), attributed, caps,
                claimed.claim().buyerEmail(), counts(draft, view));
        return rules.stream().map(rule -> rule.check(candidate)).flatMap(Optional::stream).toList();
    }

    private Candidate.Counts counts(Conversion draft, BatchView view) {
        return new Candidate.Counts() {
            @Override
            public long ofClick(String transactionId) {
                return repository.liveOfClick(draft.brandId(), transactionId) + view.created().stream()
                        .filter(c -> c.brandId().equals(draft.brandId()) && live(c)
                                && transactionId.equals(c.credit().transactionId()))
                        .count();
            }

            @Override
            public long ofVisitor(String visitorKey, Instant from, Instant to) {
                return repository.liveOfVisitor(draft.credit().offerId(), visitorKey, from, to) + view.created()
                        .stream()
                        .filter(c -> live(c) && c.credit().offerId().equals(draft.credit().offerId())
                                && Objects.equals(visitorKey, c.credit().visitorKey())
                                && !c.source().convertedAt().isBefore(from) && c.source().convertedAt().isBefore(to))
                        .count();
            }
        };
    }

    private static boolean live(Conversion c) {
        return c.state().status() != ConversionStatus.REVERSED;
    }
}
