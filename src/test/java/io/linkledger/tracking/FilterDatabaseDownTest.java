package io.linkledger.tracking;

import org.springframework.test.context.TestPropertySource;

/**
 * {@link DatabaseDownTest} through Tomcat's own filter instead of the event-loop edge: the 503 page
 * when the database is away or too slow, and a 302 never before its click is committed.
 */
@TestPropertySource(properties = "linkledger.redirect.edge=false")
class FilterDatabaseDownTest extends DatabaseDownTest {
}
