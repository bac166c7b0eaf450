package io.linkledger.assignments;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.linkledger.shared.Invalidations;

/** Tells every node's caches of tracking links that an assignment changed, once the change is committed. */
@Component
class AssignmentChangeAnnouncer {

    private final Invalidations invalidations;

    AssignmentChangeAnnouncer(Invalidations invalidations) {
        this.invalidations = invalidations;
    }

    @EventListener
    void on(AssignmentChanged changed) {
        invalidations.publish(AssignmentChanged.INVALIDATIONS, changed.linkCode());
    }
}
