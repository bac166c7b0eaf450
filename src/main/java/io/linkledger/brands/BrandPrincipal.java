package io.linkledger.brands;

import java.io.Serializable;
import java.util.UUID;

import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * Who is calling: the brand workspace a request acts for, and the key or user acting. Its name
 * is the actor, which is also how a user's console sessions are found (to end them when the
 * user is disabled or changed); it is serializable because sessions are kept in the database.
 */
public record BrandPrincipal(UUID brandId, String actor) implements AuthenticatedPrincipal, Serializable {

    /** The principal of a console user. */
    public static BrandPrincipal of(User user) {
        return new BrandPrincipal(user.brandId(), "user:" + user.email());
    }

    @Override
    public String getName() {
        return actor;
    }
}
