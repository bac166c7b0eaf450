package io.linkledger.tracking;

/**
 * Where the redirect hands a click: the durable log of clicks. The redirect answers only once the
 * sink says the click is durable, so no answered click is ever lost. In database mode the sink is
 * the group commit into PostgreSQL or H2 ({@link ClickBatcher}); in kafka mode it is the topic of
 * clicks ({@link KafkaClickSink}).
 */
interface ClickSink {

    /**
     * Takes the click without waiting for it to be durable. {@code ack} is called exactly once (it
     * must be quick), on the caller's thread or the sink's own, when the click is durable or cannot be.
     */
    void append(Clicked clicked, Ack ack);

    /**
     * A click to store, with what a sink needs beyond the row: the link code it came through (the
     * click stream's partition key) and the visitor's keys (yesterday's too, for the 24-hour window).
     */
    record Clicked(String linkCode, Click click, VisitorKeys.Keys visitor) {
    }

    /** What the sink tells the click's request. */
    interface Ack {

        void stored();

        void notStored(ClickNotStored reason);
    }
}
