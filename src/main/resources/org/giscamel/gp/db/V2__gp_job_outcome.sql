-- The COMPLETING phase: a job whose end is decided keeps its outcome (SUCCEEDED, FAILED or TIMED_OUT) and the
-- notes for its job.json until its report is written and its input moved, so a restart in between ends it the same.
ALTER TABLE gp_job ADD COLUMN outcome VARCHAR(20);
ALTER TABLE gp_job ADD COLUMN warnings TEXT;
