package io.linkledger.jobs;

/** What a job reports while it works. */
public interface Progress {

    /** Marks {@code count} more items as done. */
    void advance(int count);
}
