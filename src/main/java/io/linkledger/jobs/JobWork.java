package io.linkledger.jobs;

/** The body of a job: does the work, reports progress, returns a summary to show when done. */
@FunctionalInterface
public interface JobWork {

    Object run(Progress progress) throws Exception;
}
