package io.linkledger.jobs;

import java.time.Instant;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.linkledger.brands.BrandPrincipal;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RestController
class JobController {

    private final Jobs jobs;
    private final JsonMapper json;

    JobController(Jobs jobs, JsonMapper json) {
        this.jobs = jobs;
        this.json = json;
    }

    record JobResponse(UUID id, String kind, JobStatus status, int done, int total, JsonNode result, String error,
            Instant createdAt, Instant finishedAt) {
    }

    @GetMapping("/api/v1/jobs/{id}")
    JobResponse get(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id) {
        Job job = jobs.get(caller.brandId(), id);
        return new JobResponse(job.id(), job.kind(), job.status(), job.done(), job.total(),
                job.result() == null ? null : json.readTree(job.result()), job.error(), job.createdAt(),
                job.finishedAt());
    }
}
