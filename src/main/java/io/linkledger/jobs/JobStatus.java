package io.linkledger.jobs;

public enum JobStatus {
    RUNNING, SUCCEEDED, FAILED
}
