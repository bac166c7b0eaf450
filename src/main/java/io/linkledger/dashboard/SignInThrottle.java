package io.linkledger.dashboard;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.linkledger.shared.RateLimiter;
import io.linkledger.shared.RateLimits;

/**
 * Limits sign-in link requests per email address (no mail-bombing a member) and per client IP
 * (no spraying many addresses), in 15-minute windows. Applied whether or not the address is a
 * member's, so the limit itself reveals nothing. Counted in the database: the same on every node.
 */
@Component
class SignInThrottle {

    static final Duration WINDOW = Duration.ofMinutes(15);

    private final RateLimiter perEmail;
    private final RateLimiter perIp;

    SignInThrottle(RateLimits limits, @Value("${linkledger.portal.sign-in.per-email:5}") int perEmail,
            @Value("${linkledger.portal.sign-in.per-ip:30}") int perIp) {
        this.perEmail = limits.limiter("portal-sign-in-email", perEmail, WINDOW);
        this.perIp = limits.limiter("portal-sign-in-ip", perIp, WINDOW);
    }

    boolean allow(String email, String clientIp) {
        return perIp.tryAcquire(clientIp) && perEmail.tryAcquire(SignInLinks.emailKey(email));
    }
}
