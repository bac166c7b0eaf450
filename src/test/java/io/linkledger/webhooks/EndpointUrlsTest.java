package io.linkledger.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which URLs an endpoint may have: http(s), a host, no credentials; internal addresses only when allowed. */
class EndpointUrlsTest {

    private final EndpointUrls publicOnly = new EndpointUrls(false);
    private final EndpointUrls anyAddress = new EndpointUrls(true);

    @Test
    void aPublicHttpsOrHttpUrlIsAccepted() {
        assertThat(publicOnly.problem("https://93.184.216.34/hooks/linkledger?source=ll")).isEmpty();
        assertThat(publicOnly.problem("http://93.184.216.34:8080/hooks")).isEmpty();
    }

    @Test
    void otherSchemesCredentialsFragmentsAndMissingHostsAreRefused() {
        assertThat(publicOnly.problem("ftp://93.184.216.34/x")).hasValueSatisfying(why -> assertThat(why).contains("https://"));
        assertThat(publicOnly.problem("file:///etc/passwd")).isPresent();
        assertThat(publicOnly.problem("https://user:secret@93.184.216.34/x"))
                .hasValueSatisfying(why -> assertThat(why).contains("user name or password"));
        assertThat(publicOnly.problem("https://93.184.216.34/x#top")).isPresent();
        assertThat(publicOnly.problem("https:///x")).isPresent();
        assertThat(publicOnly.problem("")).hasValueSatisfying(why -> assertThat(why).contains("required"));
        assertThat(publicOnly.problem("https://93.184.216.34/" + "a".repeat(EndpointUrls.MAX_LENGTH))).isPresent();
        assertThat(publicOnly.problem("not a url")).isPresent();
    }

    @Test
    void internalAddressesAreRefusedUnlessAllowed() {
        for (String url : new String[] {"http://127.0.0.1:8080/x", "http://localhost/x", "http://10.1.2.3/x",
                "http://192.168.0.10/x", "http://172.16.5.5/x", "http://169.254.169.254/latest/meta-data",
                "http://[::1]/x", "http://[fd00::1]/x", "http://0.0.0.0/x", "http://100.64.0.1/x"}) {
            assertThat(publicOnly.problem(url)).as(url)
                    .hasValueSatisfying(why -> assertThat(why).contains("internal address"));
            assertThat(anyAddress.problem(url)).as(url).isEmpty();
        }
    }
}
