package io.linkledger.dashboard;

import io.linkledger.assignments.RetiredDashboardToken;

/** What a dashboard token leads to. */
sealed interface DashboardLookup {

    record Found(Dashboard dashboard) implements DashboardLookup {
    }

    /** The brand replaced or revoked this link. */
    record Retired(RetiredDashboardToken.Reason reason) implements DashboardLookup {
    }

    record Unknown() implements DashboardLookup {
    }
}
