package io.linkledger.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    @Test
    void limitsEachEmailWhateverTheCaseAndIp() {
        SignInThrottle throttle = new SignInThrottle(2, 100);
        assertThat(throttle.allow("a@example.com", "10.0.0.1")).isTrue();
        assertThat(throttle.allow("A@Example.com ", "10.0.0.2")).isTrue();
        assertThat(throttle.allow("a@example.com", "10.0.0.3")).isFalse();
        assertThat(throttle.allow("b@example.com", "10.0.0.1")).isTrue();
    }

    @Test
    void limitsEachIpAcrossEmails() {
        SignInThrottle throttle = new SignInThrottle(100, 3);
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.allow("user" + i + "@example.com", "10.0.0.9")).isTrue();
        }
        assertThat(throttle.allow("fresh@example.com", "10.0.0.9")).isFalse();
        assertThat(throttle.allow("fresh@example.com", "10.0.0.10")).isTrue();
    }
}
