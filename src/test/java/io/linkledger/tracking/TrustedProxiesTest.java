package io.linkledger.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The edge finds the client address the way Tomcat's RemoteIpValve does. */
class TrustedProxiesTest {

    private final TrustedProxies proxies = TrustedProxies.of("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}|10\\.0\\.0\\.1");

    @Test
    void onlyTheConfiguredAddressesAreTrusted() {
        assertThat(proxies.trusts("127.0.0.1")).isTrue();
        assertThat(proxies.trusts("10.0.0.1")).isTrue();
        assertThat(proxies.trusts("10.0.0.12")).isFalse();
        assertThat(proxies.trusts("203.0.113.7")).isFalse();
    }

    @Test
    void behindTrustedProxiesTheClientIsTheRightMostUntrustedEntry() {
        assertThat(proxies.client("127.0.0.1", "198.51.100.1")).isEqualTo("198.51.100.1");
        assertThat(proxies.client("127.0.0.1", "6.6.6.6, 198.51.100.1, 10.0.0.1")).isEqualTo("198.51.100.1");
        assertThat(proxies.client("127.0.0.1", " 10.0.0.1 ,127.0.0.2")).isEqualTo("10.0.0.1");
        assertThat(proxies.client("127.0.0.1", null)).isEqualTo("127.0.0.1");
        assertThat(proxies.client("127.0.0.1", " , ")).isEqualTo("127.0.0.1");
    }
}
