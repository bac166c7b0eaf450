package io.linkledger.web;

import io.linkledger.jobs.Job;

/** A running job as a progress bar that polls {@code pollUrl} until the job ends. */
public record JobProgress(String label, String pollUrl, int done, int total) {

    static JobProgress of(String label, String pollUrl, Job job) {
        return new JobProgress(label, pollUrl, job.done(), job.total());
    }
}
