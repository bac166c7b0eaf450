package io.linkledger.tracking;

import org.springframework.test.context.TestPropertySource;

/** Every tracking-link behaviour of {@link RedirectApiTest}, answered by the event-loop edge instead of Tomcat. */
@TestPropertySource(properties = "linkledger.redirect.edge=true")
class EdgeRedirectApiTest extends RedirectApiTest {
}
