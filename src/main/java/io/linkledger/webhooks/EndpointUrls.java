package io.linkledger.webhooks;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which URLs deliveries may go to. Only http and https, with a host and without credentials
 * (a secret in a URL ends up in logs; the signature authenticates us instead). Unless
 * {@code linkledger.webhooks.allow-private-addresses} is on, a host that resolves to a loopback,
 * private, link-local or otherwise internal address is refused, when the endpoint is saved and again
 * before every attempt, so a brand cannot make the server call into its own network (SSRF).
 */
@Component
class EndpointUrls {

    static final int MAX_LENGTH = 2000;

    private final boolean allowPrivate;

    EndpointUrls(@Value("${linkledger.webhooks.allow-private-addresses}") boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Why this URL (trimmed) is refused, if it is. */
    Optional<String> problem(String url) {
        if (url.isEmpty()) {
            return Optional.of("is required, e.g. https://hooks.example.com/linkledger");
        }
        if (url.length() > MAX_LENGTH) {
            return Optional.of("is longer than " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of("must start with https:// (or http://)");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("has no host name");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry a user name or password; deliveries are signed instead");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a #fragment");
        }
        return internalAddress(uri.getHost());
    }

    /** Why a delivery to this host is refused now, if it is: its name may resolve elsewhere than when it was saved. */
    Optional<String> internalAddress(String host) {
        if (allowPrivate) {
            return Optional.empty();
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (internal(address)) {
                    return Optional.of("points at an internal address (" + address.getHostAddress()
                            + "); webhooks go to public addresses only");
                }
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of("has a host name that does not resolve: " + host);
        }
    }

    private static boolean internal(InetAddress a) {
        byte[] b = a.getAddress();
        boolean uniqueLocalV6 = b.length == 16 && (b[0] & 0xfe) == 0xfc;
        boolean sharedV4 = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64; // 100.64.0.0/10, carrier NAT
        return a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress() || uniqueLocalV6 || sharedV4;
    }
}
