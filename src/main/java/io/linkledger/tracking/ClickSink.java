package io.linkledger.tracking;

/**
 * Where the redirect hands a click: the durable log of clicks. The redirect answers only once the
 * sink says the click is durable, so no answered click is ever lost. In database mode the sink is
 * the group commit into PostgreSQL or H2 ({@link ClickBatcher}).
 */
interface ClickSink {

    /**
     * Takes the click without blocking the caller. {@code ack} is called exactly once, on the
     * sink's own thread (it must be quick), when the click is durable or cannot be.
     */
    void append(Click click, Ack ack);

    /** What the sink tells the click's request. */
    interface Ack {

        void stored();

        void notStored(ClickNotStored reason);
    }
}
