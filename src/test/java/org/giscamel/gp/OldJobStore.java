package org.giscamel.gp;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A job store as the application made it before it had migrations: its DDL as it ran at every start, and a job
 * written as it wrote one that the server had accepted. Kept as it was, to prove such stores still open.
 */
final class OldJobStore {

    static final String SERVER_JOB_ID = "j-before-migrations";
    private static final long NEVER = Long.MAX_VALUE;

    private static final String[] DDL = {
            """
            CREATE TABLE IF NOT EXISTS gp_job (
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
              finished_at BIGINT)""",
            "CREATE INDEX IF NOT EXISTS gp_job_due ON gp_job (phase, next_poll_at)",
            """
            CREATE TABLE IF NOT EXISTS gp_job_status (
              job_id VARCHAR(40) NOT NULL,
              seq INTEGER NOT NULL,
              changed_at BIGINT NOT NULL,
              status_code INTEGER NOT NULL,
              PRIMARY KEY (job_id, seq))""",
            """
            CREATE TABLE IF NOT EXISTS gp_job_output (
              job_id VARCHAR(40) NOT NULL,
              file_name VARCHAR(1000) NOT NULL,
              parameter VARCHAR(200) NOT NULL,
              kind VARCHAR(20) NOT NULL,
              size_bytes BIGINT NOT NULL,
              sha256 VARCHAR(64) NOT NULL,
              written_at BIGINT NOT NULL,
              warning VARCHAR(2000),
              PRIMARY KEY (job_id, file_name))"""
    };

    private OldJobStore() {
    }

    /** The old tables and one running job of declaration {@code buffers}; returns the job's id. */
    static String create(String url, String username, String password) throws SQLException {
        return create(url, username, password, GpStoreFixture.spec("buffers", "file:outbox"), "points.geojson",
                Path.of("processing/points.geojson"), SERVER_JOB_ID);
    }

    /**
     * The old tables and one job the server accepted as {@code serverJobId}, last polled long ago and due only
     * at some later time, as a stop would leave it: the next start must make it due.
     */
    static String create(String url, String username, String password, GpJobSpec spec, String inputName,
                         Path inputPath, String serverJobId) throws SQLException {
        String id = UUID.randomUUID().toString().replace("-", "");
        long now = System.currentTimeMillis();
        try (Connection c = DriverManager.getConnection(url, username, password)) {
            try (Statement s = c.createStatement()) {
                for (String ddl : DDL) {
                    s.execute(ddl);
                }
            }
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO gp_job (id, job_name, spec, input_name, input_path, input_sha256, live_key, phase,
                      server_job_id, status_code, sync_execution, created_at, submitted_at, deadline_at, next_poll_at,
                      poll_count, error_count, input_summary)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'RUNNING', ?, 1, FALSE, ?, ?, ?, ?, 0, 0, ?)""")) {
                String sha = "f".repeat(64);
                s.setString(1, id);
                s.setString(2, spec.name());
                s.setString(3, spec.toJson().toString());
                s.setString(4, inputName);
                s.setString(5, inputPath.toString());
                s.setString(6, sha);
                s.setString(7, spec.name() + "|" + sha);
                s.setString(8, serverJobId);
                s.setLong(9, now);
                s.setLong(10, now);
                s.setLong(11, now + 3_600_000);
                s.setLong(12, NEVER);
                s.setString(13, JsonNodeFactory.instance.objectNode().toString());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO gp_job_status (job_id, seq, changed_at, status_code) VALUES (?, 0, ?, 1)")) {
                s.setString(1, id);
                s.setLong(2, now);
                s.executeUpdate();
            }
        }
        return id;
    }
}
