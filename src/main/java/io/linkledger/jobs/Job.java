package io.linkledger.jobs;

import java.time.Instant;
import java.util.UUID;

/** A background job as stored; {@code result} is the job's own JSON summary once it succeeded. */
public record Job(UUID id, UUID brandId, String kind, JobStatus status, int done, int total, String result,
        String error, Instant createdAt, Instant finishedAt) {
}
