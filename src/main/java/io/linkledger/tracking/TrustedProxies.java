package io.linkledger.tracking;

import java.util.regex.Pattern;

/**
 * The proxies whose {@code X-Forwarded-*} headers are believed: the same addresses Tomcat trusts
 * ({@code server.tomcat.remoteip.internal-proxies}), so the edge finds the same client address and
 * scheme Tomcat's {@code RemoteIpValve} would for a request sent to it directly.
 */
record TrustedProxies(Pattern addresses) {

    static TrustedProxies of(String regex) {
        return new TrustedProxies(Pattern.compile(regex));
    }

    boolean trusts(String address) {
        return addresses.matcher(address).matches();
    }

    /**
     * The client's address behind a trusted proxy {@code peer}, as Tomcat finds it: the right-most
     * {@code X-Forwarded-For} entry that is not itself a trusted proxy (the peer when there is none).
     */
    String client(String peer, String forwardedFor) {
        if (forwardedFor == null || forwardedFor.isBlank()) {
            return peer;
        }
        String client = peer;
        int end = forwardedFor.length();
        while (end > 0) {
            int comma = forwardedFor.lastIndexOf(',', end - 1);
            String entry = forwardedFor.substring(comma + 1, end).trim();
            end = comma < 0 ? 0 : comma;
            if (entry.isEmpty()) {
                continue;
            }
            client = entry;
            if (!trusts(entry)) {
                break;
            }
        }
        return client;
    }
}
