package io.linkledger.web;

import java.util.List;
import java.util.Map;

import io.linkledger.jobs.Job;

/** A report import job and, once it ended, the differences it found. */
public record ReportImportView(Job job, int percent, Map<String, Object> result, List<Map<String, String>> problems,
        List<String> onlyInReport, List<String> onlyInLinkledger) {

    public boolean running() {
        return job.status().name().equals("RUNNING");
    }

    public Object figure(String name) {
        return result.getOrDefault(name, 0);
    }
}
