package io.linkledger.conversions;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One inbound channel of a brand: how a caller proves it is the channel, how its requests are
 * read, and how what it reports is credited.
 */
public record Integration(UUID id, UUID brandId, IntegrationType type, String name, Credentials credentials,
        Reading reading, Crediting crediting, Instant createdAt, Access access) {

    /** Which attribution keeps the credit when one order arrives by link and by promo code. */
    public enum CreditPriority {
        LINK, CODE
    }

    /**
     * How a postback proves it was sent by whoever holds the integration's secret (Shopify's
     * webhooks always carry their HMAC, whatever this says). What each covers, and what not, is
     * in docs/integrations/postbacks.md and shareasale.md.
     */
    public enum Signature {
        /** Nothing beyond the unguessable key in the URL (and HTTP Basic or the IP allow-list, if set). */
        NONE,
        /** Generic postbacks: HMAC-SHA256 of every parameter, canonically encoded, with a fresh timestamp. */
        HMAC_SHA256,
        /** Generic postbacks: the old digest of secret + transaction_id + order_id + amount; existing integrations only. */
        LEGACY_HASH,
        /** ShareASale: the digest of secret + transID + orderNumber + amountOfSale + commission. */
        SHAREASALE_HASH
    }

    /**
     * What a caller must show: the unguessable key of the inbound URL (kept as its hash), the
     * {@code secret} that signs what it sends as {@code signature} says ({@code hashAlgorithm},
     * MD5 or SHA256, is the digest of the two hash recipes), optional HTTP Basic credentials (the
     * password kept as its hash) and an optional IP allow-list.
     */
    public record Credentials(String keyHash, String secret, Signature signature, String hashAlgorithm,
            String basicUser, String basicPasswordHash, List<String> ipAllowList) {

        // Records print every component; the secret must never reach a log line.
        @Override
        public String toString() {
            return "Credentials[signature=" + signature + ", hashAlgorithm=" + hashAlgorithm + ", basicUser="
                    + basicUser + "]";
        }
    }

    /**
     * How its requests are read: our field names mapped to the caller's parameter names, the time
     * zone of dates sent without one, and the shop webhook topic that counts as an order.
     */
    public record Reading(Map<String, String> parameterMap, ZoneId timeZone, String orderTopic) {

        /** The caller's parameter name for one of our fields. */
        String param(String field) {
            return parameterMap.getOrDefault(field, field);
        }
    }

    /** How what it reports is credited: the offer of member-id postbacks, and which attribution wins an order. */
    public record Crediting(UUID offerId, CreditPriority priority) {
    }

    /**
     * Whether it takes deliveries, and the key a rotation replaced ({@code previousKeyHash}),
     * accepted as well until {@code previousKeyUntil}; {@code keyRotatedAt} is when the key in use
     * was issued by a rotation (null: at creation).
     */
    public record Access(boolean enabled, String previousKeyHash, Instant previousKeyUntil, Instant keyRotatedAt) {

        /** A new integration's: enabled, one key. */
        static final Access NEW = new Access(true, null, null, null);

        /** Whether the replaced key is still accepted at {@code now}. */
        boolean previousKeyValidAt(Instant now) {
            return previousKeyHash != null && now.isBefore(previousKeyUntil);
        }

        /** When the replaced key stops working, if it still works at {@code now}. */
        public Instant previousKeyValidUntil(Instant now) {
            return previousKeyValidAt(now) ? previousKeyUntil : null;
        }
    }

    /** The idempotency key of a conversion it reports: one conversion per integration and external id. */
    String conversionKey(String externalId) {
        return id + ":" + externalId;
    }

    // Records print every component; the secret must never reach a log line.
    @Override
    public String toString() {
        return "Integration[id=" + id + ", type=" + type + ", name=" + name + "]";
    }
}
