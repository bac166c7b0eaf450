package io.linkledger.tracking;

import org.springframework.test.context.TestPropertySource;

/**
 * {@link DatabaseDownTest} through the event-loop edge: the 503 page when the database is away or
 * too slow, and a 302 never before its click is committed.
 */
@TestPropertySource(properties = "linkledger.redirect.edge=true")
class EdgeDatabaseDownTest extends DatabaseDownTest {
}
