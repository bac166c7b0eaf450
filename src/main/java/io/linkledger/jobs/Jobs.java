package io.linkledger.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import io.linkledger.shared.Ids;
import io.linkledger.shared.ProblemException;
import jakarta.annotation.PreDestroy;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs long work in the background and keeps its progress in the database, so any node
 * can answer {@code GET /api/v1/jobs/{id}} while it runs.
 */
@Service
public class Jobs {

    private static final Logger log = LoggerFactory.getLogger(Jobs.class);
    private static final Duration PROGRESS_INTERVAL = Duration.ofMillis(250);
    private static final Duration STALLED_AFTER = Duration.ofMinutes(2);

    private final JobRepository repository;
    private final Ids ids;
    private final Clock clock;
    private final JsonMapper json;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    public Jobs(JobRepository repository, Ids ids, Clock clock, JsonMapper json) {
        this.repository = repository;
        this.ids = ids;
        this.clock = clock;
        this.json = json;
    }

    /** Records the job and starts it; returns at once with the job's id. */
    public UUID start(UUID brandId, String kind, int total, JobWork work) {
        UUID id = ids.next();
        repository.insert(id, brandId, kind, total, clock.instant());
        executor.submit(() -> run(id, kind, work));
        return id;
    }

    public Job get(UUID brandId, UUID jobId) {
        return repository.find(jobId)
                .filter(job -> job.brandId().equals(brandId))
                .orElseThrow(() -> ProblemException.notFound("Job", jobId));
    }

    @EventListener(ApplicationReadyEvent.class)
    void failStalledJobs() {
        Instant now = clock.instant();
        int failed = repository.failStalled(now.minus(STALLED_AFTER), now);
        if (failed > 0) {
            log.warn("Marked {} interrupted job(s) as failed", failed);
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
    }

    private void run(UUID id, String kind, JobWork work) {
        AtomicInteger done = new AtomicInteger();
        Instant[] lastReport = {clock.instant()};
        Progress progress = count -> {
            int now = done.addAndGet(count);
            Instant at = clock.instant();
            if (Duration.between(lastReport[0], at).compareTo(PROGRESS_INTERVAL) >= 0) {
                lastReport[0] = at;
                repository.progress(id, now, at);
            }
        };
        try {
            Object result = work.run(progress);
            repository.finish(id, JobStatus.SUCCEEDED, done.get(), json.writeValueAsString(result), null,
                    clock.instant());
        } catch (Exception e) {
            log.error("Job {} ({}) failed", id, kind, e);
            String reason = e instanceof ProblemException ? e.getMessage() : "Failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage());
            repository.finish(id, JobStatus.FAILED, done.get(), null,
                    reason.length() > 2000 ? reason.substring(0, 2000) : reason, clock.instant());
        }
    }
}
