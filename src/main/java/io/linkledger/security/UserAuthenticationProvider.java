package io.linkledger.security;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import io.linkledger.brands.BrandPrincipal;
import io.linkledger.brands.Users;

/** Console sign-in: email and password against the users table, throttled by account and by address. */
class UserAuthenticationProvider implements AuthenticationProvider {

    private final Users users;
    private final LoginThrottle throttle;

    UserAuthenticationProvider(Users users, LoginThrottle throttle) {
        this.users = users;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = String.valueOf(authentication.getName()).trim().toLowerCase(Locale.ROOT);
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "unknown";
        Optional<Duration> locked = throttle.lockedFor(email);
        if (locked.isPresent()) {
            long minutes = (locked.get().toSeconds() + 59) / 60;
            throw new LockedException("Too many failed sign-ins for this account; try again in "
                    + Math.max(1, minutes) + (minutes <= 1 ? " minute" : " minutes"));
        }
        try {
            throttle.pace(address);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthenticationServiceException("Sign-in interrupted", e);
        }
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        return users.authenticate(email, password)
                .map(user -> {
                    throttle.succeeded(email);
                    return (Authentication) UsernamePasswordAuthenticationToken.authenticated(BrandPrincipal.of(user),
                            null, List.of(new SimpleGrantedAuthority(user.role().authority())));
                })
                .orElseThrow(() -> {
                    throttle.failed(email, address);
                    return new BadCredentialsException("Wrong email or password");
                });
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
