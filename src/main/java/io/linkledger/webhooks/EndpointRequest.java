package io.linkledger.webhooks;

import java.util.List;

/**
 * An endpoint as the brand describes it. On creation {@code url} and {@code events} are required
 * and {@code enabled} defaults to true; on a change, what is left out (null) stays as it is.
 */
public record EndpointRequest(String url, List<String> events, Boolean enabled, String description) {
}
