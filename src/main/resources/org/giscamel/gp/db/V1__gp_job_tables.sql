-- The job store's tables as the application created them before it had migrations. A store made then is
-- baselined at this version (GpJobStore) and only the later versions run on it.
CREATE TABLE gp_job (
  id VARCHAR(40) PRIMARY KEY,
  job_name VARCHAR(200) NOT NULL,
  spec TEXT NOT NULL,
  input_name VARCHAR(1000) NOT NULL,
  input_path VARCHAR(4000) NOT NULL,
  input_sha256 VARCHAR(64) NOT NULL,
  live_key VARCHAR(300) UNIQUE,
  phase VARCHAR(20) NOT NULL,
  server_job_id VARCHAR(2000),
  status_code INTEGER,
  sync_execution BOOLEAN NOT NULL,
  created_at BIGINT NOT NULL,
  submitted_at BIGINT,
  deadline_at BIGINT NOT NULL,
  next_poll_at BIGINT NOT NULL,
  poll_count INTEGER NOT NULL,
  error_count INTEGER NOT NULL,
  progress VARCHAR(2000),
  executing_since BIGINT,
  input_summary TEXT,
  results TEXT,
  messages TEXT,
  failure TEXT,
  finished_at BIGINT);

CREATE INDEX gp_job_due ON gp_job (phase, next_poll_at);

CREATE TABLE gp_job_status (
  job_id VARCHAR(40) NOT NULL,
  seq INTEGER NOT NULL,
  changed_at BIGINT NOT NULL,
  status_code INTEGER NOT NULL,
  PRIMARY KEY (job_id, seq));

CREATE TABLE gp_job_output (
  job_id VARCHAR(40) NOT NULL,
  file_name VARCHAR(1000) NOT NULL,
  parameter VARCHAR(200) NOT NULL,
  kind VARCHAR(20) NOT NULL,
  size_bytes BIGINT NOT NULL,
  sha256 VARCHAR(64) NOT NULL,
  written_at BIGINT NOT NULL,
  warning VARCHAR(2000),
  PRIMARY KEY (job_id, file_name));
