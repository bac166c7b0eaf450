package io.linkledger.web;

import java.util.UUID;

import io.linkledger.email.EmailSend;
import io.linkledger.jobs.Job;
import io.linkledger.jobs.JobStatus;

/**
 * A send whose job is queuing its emails: a progress bar that polls {@code pollUrl} while it
 * runs, then how many emails were queued, with the link to the send's delivery log.
 */
public record SendingView(UUID sendId, String logUrl, String pollUrl, JobStatus status, int done, int total,
        String error) {

    static SendingView of(EmailSend send, Job job, String pollUrl) {
        String logUrl = DeliveryLogView.url(send.offerId(), send.id());
        if (job == null) {
            return new SendingView(send.id(), logUrl, pollUrl, JobStatus.RUNNING, 0, send.total(), null);
        }
        return new SendingView(send.id(), logUrl, pollUrl, job.status(), job.done(), job.total(), job.error());
    }

    public boolean running() {
        return status == JobStatus.RUNNING;
    }

    public boolean failed() {
        return status == JobStatus.FAILED;
    }
}
