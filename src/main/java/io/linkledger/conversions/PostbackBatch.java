package io.linkledger.conversions;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.linkledger.conversions.ClaimDecider.Claimed;
import io.linkledger.conversions.Decision.Refused;
import io.linkledger.shared.ProblemException;

/**
 * One batch of the group commit, in the caller's transaction: the {@link ClaimDecider} decides
 * the parsed postbacks together, and every request's raw row is written with its outcome.
 */
@Component
class PostbackBatch {

    /** A received postback: its raw row to be, and its parsed claim or why it was refused at receipt. */
    record Received(Integration integration, InboundRequest request, Claim claim, ProblemException refused) {
    }

    private final ClaimDecider decider;
    private final InboundRepository inbound;
    private final Clock clock;

    PostbackBatch(ClaimDecider decider, InboundRepository inbound, Clock clock) {
        this.decider = decider;
        this.inbound = inbound;
        this.clock = clock;
    }

    /** One decision per postback, in order. */
    @Transactional(propagation = Propagation.MANDATORY)
    List<Decision> handle(List<Received> batch) {
        Iterator<Decision> decided = decider.decide(batch.stream().filter(r -> r.refused() == null)
                .map(r -> new Claimed(r.integration(), r.claim())).toList()).iterator();
        Instant now = clock.instant();
        List<Decision> decisions = new ArrayList<>(batch.size());
        List<InboundRequest> rows = new ArrayList<>(batch.size());
        for (Received r : batch) {
            Decision decision = r.refused() != null ? new Refused(r.refused()) : decided.next();
            decisions.add(decision);
            rows.add(r.request().decided(decision, now));
        }
        inbound.insertAll(rows);
        return decisions;
    }
}
