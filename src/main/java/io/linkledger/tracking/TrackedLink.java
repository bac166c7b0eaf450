package io.linkledger.tracking;

import io.linkledger.offers.Offer;

/** Everything a redirect needs about a link code, as held in the link cache. */
record TrackedLink(Assignment assignment, Offer offer, String memberName) {
}
