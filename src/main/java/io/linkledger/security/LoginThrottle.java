package io.linkledger.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.linkledger.brands.UserAccessChanged;
import io.linkledger.shared.RateLimiter;
import io.linkledger.shared.RateLimits;
import io.linkledger.shared.Tokens;

/**
 * Slows password guessing, counted in the database so every node applies the same limits.
 * <ul>
 * <li>An account is locked after {@value #FREE_FAILURES} failures in a row; each further failure
 * doubles the lock, from one minute up to an hour. A success, or a new password set by an admin,
 * clears it. Accounts are tracked by email whether or not a user has it, so a lock tells nothing.
 * <li>An address with many failures is slowed, never refused: each attempt from it waits a
 * moment before the password is checked. Many people may share one address (an office, a
 * carrier's NAT), and one guesser among them must not lock the others out.
 * </ul>
 */
@Component
class LoginThrottle {

    static final int FREE_FAILURES = 5;
    static final Duration FIRST_LOCK = Duration.ofMinutes(1);
    static final Duration LONGEST_LOCK = Duration.ofHours(1);
    /** Failures older than this are forgotten: a typo a week ago does not count toward a lock. */
    static final Duration MEMORY = Duration.ofDays(1);

    private final SignInFailureRepository failures;
    private final RateLimiter addressFailures;
    private final Duration addressDelay;
    private final Clock clock;

    LoginThrottle(SignInFailureRepository failures, RateLimits limits, Clock clock,
            @Value("${linkledger.security.sign-in.address-failures:30}") int addressFailures,
            @Value("${linkledger.security.sign-in.address-window:PT15M}") Duration addressWindow,
            @Value("${linkledger.security.sign-in.address-delay:PT2S}") Duration addressDelay) {
        this.failures = failures;
        this.addressFailures = limits.limiter("console-sign-in-address", addressFailures, addressWindow);
        this.addressDelay = addressDelay;
        this.clock = clock;
    }

    /** How long the account stays locked, if it is. */
    Optional<Duration> lockedFor(String email) {
        Instant now = clock.instant();
        return failures.lockedUntil(account(email)).filter(now::isBefore).map(until -> Duration.between(now, until));
    }

    /** Holds an attempt from an address that failed too often lately; every attempt from it, right or wrong. */
    void pace(String address) throws InterruptedException {
        if (addressFailures.exceeded(address)) {
            Thread.sleep(addressDelay);
        }
    }

    @Transactional
    void failed(String email, String address) {
        addressFailures.tryAcquire(address);
        Instant now = clock.instant();
        String account = account(email);
        SignInFailureRepository.Failures before = failures.lockForUpdate(account, now);
        int count = before.lastFailureAt().isBefore(now.minus(MEMORY)) ? 1 : before.count() + 1;
        failures.update(account, new SignInFailureRepository.Failures(count, now, lockUntil(count, now)));
    }

    void succeeded(String email) {
        failures.delete(account(email));
    }

    /** An admin who sets a locked-out user's new password lets them sign in at once. */
    @EventListener
    void accessChanged(UserAccessChanged changed) {
        succeeded(changed.user().email());
    }

    private static Instant lockUntil(int count, Instant now) {
        if (count < FREE_FAILURES) {
            return null;
        }
        int doublings = Math.min(count - FREE_FAILURES, 30);
        Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
        return now.plus(lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock);
    }

    private static String account(String email) {
        return Tokens.sha256(email.trim().toLowerCase(Locale.ROOT));
    }
}
