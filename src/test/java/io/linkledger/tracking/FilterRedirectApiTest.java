package io.linkledger.tracking;

import org.springframework.test.context.TestPropertySource;

/**
 * Every tracking-link behaviour of {@link RedirectApiTest} (which goes through the event-loop edge,
 * the default) answered by Tomcat's own filter instead, as with {@code linkledger.redirect.edge=false}.
 */
@TestPropertySource(properties = "linkledger.redirect.edge=false")
class FilterRedirectApiTest extends RedirectApiTest {
}
