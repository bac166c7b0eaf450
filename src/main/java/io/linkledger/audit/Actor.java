package io.linkledger.audit;

import java.util.UUID;

/**
 * Who made a change and from where: a console user (id and email), an API key (id and name), or
 * "system" for scheduled jobs and inbound postbacks and webhooks. The address is the client's, as
 * the server resolved it (behind trusted proxies, from X-Forwarded-For); null off a request.
 */
public record Actor(ActorType type, UUID id, String name, String address) {

    public static Actor user(UUID userId, String email, String address) {
        return new Actor(ActorType.USER, userId, email, address);
    }

    public static Actor apiKey(UUID keyId, String keyName, String address) {
        return new Actor(ActorType.API_KEY, keyId, keyName, address);
    }

    public static Actor system(String address) {
        return new Actor(ActorType.SYSTEM, null, "system", address);
    }
}
