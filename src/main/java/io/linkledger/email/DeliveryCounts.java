package io.linkledger.email;

/** How a send's emails stand: waiting in the queue, being sent, sent, failed for good. */
public record DeliveryCounts(int queued, int sending, int sent, int failed) {

    public static final DeliveryCounts NONE = new DeliveryCounts(0, 0, 0, 0);

    /** Emails that still have an attempt to come. */
    public int pending() {
        return queued + sending;
    }

    /** Emails the send's job has queued so far, whatever became of them. */
    public int inOutbox() {
        return queued + sending + sent + failed;
    }
}
