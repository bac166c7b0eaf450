package io.linkledger.tracking;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code ?url=} of a tracking link: accepted only as an absolute http(s) URL on a host the
 * offer allows ({@code shop.example.com}, or {@code *.example.com} for its subdomains), so a
 * tracking link can never be turned into an open redirect.
 */
final class DeepLinks {

    private DeepLinks() {
    }

    static Optional<String> allowed(String url, List<String> allowedHosts) {
        if (url == null || url.isBlank() || allowedHosts.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme();
            String host = uri.getHost();
            if (scheme == null || host == null || uri.getRawUserInfo() != null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                return Optional.empty();
            }
            String lower = host.toLowerCase(Locale.ROOT);
            for (String allowed : allowedHosts) {
                boolean match = allowed.startsWith("*.")
                        ? lower.endsWith(allowed.substring(1)) && lower.length() > allowed.length() - 1
                        : lower.equals(allowed);
                if (match) {
                    return Optional.of(uri.toASCIIString());
                }
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
