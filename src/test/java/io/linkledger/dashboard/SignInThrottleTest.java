package io.linkledger.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.linkledger.shared.RateLimits;
import io.linkledger.support.ApiTest;

/** The portal's sign-in link limits, counted in the database (so every node counts the same). */
class SignInThrottleTest extends ApiTest {

    @Autowired
    private RateLimits limits;

    @Test
    void limitsEachEmailWhateverTheCaseAndIp() {
        SignInThrottle throttle = new SignInThrottle(limits, 2, 100);
        String email = "a." + UUID.randomUUID() + "@example.com";
        String ip = "10.1." + UUID.randomUUID();
        assertThat(throttle.allow(email, ip + "1")).isTrue();
        assertThat(throttle.allow(" " + email.toUpperCase() + " ", ip + "2")).isTrue();
        assertThat(throttle.allow(email, ip + "3")).isFalse();
        assertThat(throttle.allow("b." + email, ip + "1")).isTrue();
    }

    @Test
    void limitsEachIpAcrossEmails() {
        SignInThrottle throttle = new SignInThrottle(limits, 100, 3);
        String ip = "10.2." + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.allow("user" + i + "." + UUID.randomUUID() + "@example.com", ip)).isTrue();
        }
        assertThat(throttle.allow("fresh." + UUID.randomUUID() + "@example.com", ip)).isFalse();
        assertThat(throttle.allow("fresh." + UUID.randomUUID() + "@example.com", ip + "0")).isTrue();
    }
}
