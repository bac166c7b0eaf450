package io.linkledger.tracking;

/** The parts of a redirect request that matter for the click. The IP is only ever hashed. */
record Visit(String ip, String userAgent, String referrer, String deepLink) {
}
