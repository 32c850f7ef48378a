-- The last run of each background job (status view, failure streaks, manual-trigger rate limit),
-- kept across restarts. One row per job name; durations in milliseconds.
CREATE TABLE background_jobs (
    job_name             VARCHAR(64)   NOT NULL PRIMARY KEY,
    last_run_at          TIMESTAMP WITH TIME ZONE,
    last_duration_ms     BIGINT,
    last_result          VARCHAR(1000),
    last_error           VARCHAR(1000),
    last_success_at      TIMESTAMP WITH TIME ZONE,
    last_failure_at      TIMESTAMP WITH TIME ZONE,
    consecutive_failures INTEGER       NOT NULL,
    runs                 BIGINT        NOT NULL,
    failures             BIGINT        NOT NULL,
    last_trigger_at      TIMESTAMP WITH TIME ZONE
);
