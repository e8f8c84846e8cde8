package org.giscamel.gp;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The job store: every job from the moment before it is submitted until its outputs are written, in a JDBC
 * database (an H2 file by default; PostgreSQL through its URL). The SQL is plain ANSI so both run it.
 *
 * <p>A job counts for duplicate detection through {@code live_key} (declaration + input sha256), unique while the
 * job is in progress or succeeded; a failed job gives it up so the same file may be dropped again as a retry.
 * One connection serves the flow; calls are serialised, which the store's few small statements per poll allow.
 */
public final class GpJobStore implements AutoCloseable {

    /** What is known of a job before it is submitted. */
    public record NewJob(GpJobSpec spec, String inputName, Path inputPath, String inputSha256, JsonNode input,
                         long deadlineAt) {
    }

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String[] SCHEMA = {
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

    private final String url;
    private final String username;
    private final String password;
    private final Clock clock;
    private Connection connection;
    private boolean closed;

    /** @param url a JDBC URL; an H2 database is kept open until {@link #close()}, see {@link #closedByTheFlow} */
    public GpJobStore(String url, String username, String password, Clock clock) {
        this.url = closedByTheFlow(url);
        this.username = username;
        this.password = password;
        this.clock = clock;
    }

    /**
     * H2 closes its databases from a JVM shutdown hook of its own as soon as a SIGTERM comes, under the downloads
     * that the stop lets finish; unless the URL says otherwise, an H2 store is closed by the flow instead, once
     * they are done ({@code GpFlowService}). Other databases' URLs are left as they are.
     */
    static String closedByTheFlow(String url) {
        boolean h2 = url.regionMatches(true, 0, "jdbc:h2:", 0, "jdbc:h2:".length());
        return h2 && !url.toUpperCase(Locale.ROOT).contains(";DB_CLOSE_ON_EXIT=") ? url + ";DB_CLOSE_ON_EXIT=FALSE" : url;
    }

    /** Connects and creates the tables if they are missing. */
    public synchronized void open() {
        run(c -> {
            try (Statement s = c.createStatement()) {
                for (String ddl : SCHEMA) {
                    s.execute(ddl);
                }
            }
            return null;
        });
    }

    /** Closes the store for good; a poll or download still running afterwards fails instead of reopening it. */
    @Override
    public synchronized void close() {
        closed = true;
        disconnect();
    }

    private void disconnect() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing: nothing left to save
            }
            connection = null;
        }
    }

    /**
     * Records a job about to be submitted.
     *
     * @throws GpStepException {@code duplicate} when the same content was dropped for the same job declaration and
     *                         that job is still in progress or succeeded
     */
    public synchronized GpJobRecord recordIntent(NewJob job) {
        String id = UUID.randomUUID().toString().replace("-", "");
        long now = clock.millis();
        try {
            run(c -> update(c, """
                            INSERT INTO gp_job (id, job_name, spec, input_name, input_path, input_sha256, live_key, phase,
                              sync_execution, created_at, deadline_at, next_poll_at, poll_count, error_count, input_summary)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?, ?, 0, 0, ?)""",
                    id, job.spec().name(), job.spec().toJson().toString(), job.inputName(), job.inputPath().toString(),
                    job.inputSha256(), liveKey(job.spec().name(), job.inputSha256()), GpPhase.SUBMITTING.name(), now,
                    job.deadlineAt(), Long.MAX_VALUE, job.input().toString()));
        } catch (StoreException e) {
            if (UNIQUE_VIOLATION.equals(e.sqlState())) {
                throw duplicate(job);
            }
            throw e;
        }
        return find(id).orElseThrow();
    }

    /** The server accepted the job; it is polled from {@code nextPollAt} on. */
    public synchronized void recordSubmitted(String id, String serverJobId, GpJobStatus status, long nextPollAt) {
        long now = clock.millis();
        run(c -> {
            update(c, "UPDATE gp_job SET phase = ?, server_job_id = ?, submitted_at = ?, next_poll_at = ? WHERE id = ?",
                    GpPhase.RUNNING.name(), serverJobId, now, nextPollAt, id);
            changeStatus(c, id, status, now);
            return null;
        });
    }

    /** A synchronous execution returned: its results are written next. */
    public synchronized void recordExecuted(String id, JsonNode results, JsonNode messages) {
        long now = clock.millis();
        run(c -> {
            update(c, """
                            UPDATE gp_job SET phase = ?, sync_execution = TRUE, submitted_at = ?, next_poll_at = ?,
                              results = ?, messages = ? WHERE id = ?""",
                    GpPhase.DOWNLOADING.name(), now, now, results.toString(), messages.toString(), id);
            changeStatus(c, id, GpJobStatus.SUCCEEDED, now);
            return null;
        });
    }

    /** A status request answered; the error streak ends. */
    public synchronized void recordPoll(String id, GpJobStatus status, String progress, Long executingSince,
                                        long nextPollAt) {
        long now = clock.millis();
        run(c -> {
            update(c, """
                            UPDATE gp_job SET poll_count = poll_count + 1, error_count = 0, progress = ?,
                              executing_since = ?, next_poll_at = ? WHERE id = ?""",
                    progress, executingSince, nextPollAt, id);
            changeStatus(c, id, status, now);
            return null;
        });
    }

    /** A status request or download failed in a way that may pass; the job is looked at again later. */
    public synchronized void recordRetry(String id, long nextPollAt) {
        run(c -> update(c, "UPDATE gp_job SET error_count = error_count + 1, next_poll_at = ? WHERE id = ?",
                nextPollAt, id));
    }

    /** The server reports success and its results map: outputs are written next. */
    public synchronized void recordServerSuccess(String id, JsonNode results, JsonNode messages) {
        long now = clock.millis();
        run(c -> {
            update(c, """
                            UPDATE gp_job SET phase = ?, results = ?, messages = ?, error_count = 0, next_poll_at = ?
                            WHERE id = ?""",
                    GpPhase.DOWNLOADING.name(), results.toString(), messages.toString(), now, id);
            changeStatus(c, id, GpJobStatus.SUCCEEDED, now);
            return null;
        });
    }

    /** The server's status as last read, when no other record is due (e.g. the final status of a failed job). */
    public synchronized void recordStatus(String id, GpJobStatus status) {
        long now = clock.millis();
        run(c -> {
            changeStatus(c, id, status, now);
            return null;
        });
    }

    /**
     * The job's end. A job that did not succeed gives up its duplicate key, so its file may be dropped again.
     *
     * @param messages the server's messages, when read
     */
    public synchronized void recordFinished(String id, GpPhase phase, GpFailure failure, JsonNode messages) {
        long now = clock.millis();
        run(c -> update(c, """
                        UPDATE gp_job SET phase = ?, failure = ?, messages = COALESCE(?, messages), finished_at = ?,
                          live_key = CASE WHEN ? THEN live_key ELSE NULL END, next_poll_at = ? WHERE id = ?""",
                phase.name(), failure == null ? null : failure.toJson().toString(),
                messages == null ? null : messages.toString(), now, phase == GpPhase.SUCCEEDED, Long.MAX_VALUE, id));
    }

    public synchronized void recordOutput(String id, GpOutputRecord output) {
        run(c -> update(c, """
                        INSERT INTO gp_job_output (job_id, file_name, parameter, kind, size_bytes, sha256, written_at,
                          warning) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                id, output.file(), output.parameter(), output.kind(), output.size(), output.sha256(), output.writtenAt(),
                output.warning()));
    }

    public synchronized List<GpOutputRecord> outputs(String id) {
        return run(c -> {
            List<GpOutputRecord> list = new ArrayList<>();
            try (PreparedStatement s = prepare(c, """
                    SELECT file_name, parameter, kind, size_bytes, sha256, written_at, warning FROM gp_job_output
                    WHERE job_id = ? ORDER BY written_at, file_name""", id); ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    list.add(new GpOutputRecord(r.getString(1), r.getString(2), r.getString(3), r.getLong(4),
                            r.getString(5), r.getLong(6), r.getString(7)));
                }
            }
            return list;
        });
    }

    public synchronized List<GpStatusChange> history(String id) {
        return run(c -> {
            List<GpStatusChange> list = new ArrayList<>();
            try (PreparedStatement s = prepare(c,
                    "SELECT changed_at, status_code FROM gp_job_status WHERE job_id = ? ORDER BY seq", id);
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    list.add(new GpStatusChange(r.getLong(1), GpJobStatus.fromCode(r.getInt(2))));
                }
            }
            return list;
        });
    }

    public synchronized Optional<GpJobRecord> find(String id) {
        List<GpJobRecord> found = select("WHERE id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Jobs of one declaration, oldest first. */
    public synchronized List<GpJobRecord> jobsOf(String jobName) {
        return select("WHERE job_name = ? ORDER BY created_at", jobName);
    }

    /** The newest jobs of every declaration, newest first, for the operator status page. */
    public synchronized List<GpJobRecord> newest(int limit) {
        return select("ORDER BY created_at DESC, id LIMIT ?", limit);
    }

    /** Jobs to poll or download now, the longest waiting first. */
    public synchronized List<GpJobRecord> due(long now, int limit) {
        return select("WHERE phase IN ('RUNNING', 'DOWNLOADING') AND next_poll_at <= ? ORDER BY next_poll_at LIMIT ?",
                now, limit);
    }

    /** Jobs whose submission was under way when an application that started before {@code startedAt} stopped. */
    public synchronized List<GpJobRecord> interruptedSubmissions(long startedAt) {
        return select("WHERE phase = 'SUBMITTING' AND created_at < ?", startedAt);
    }

    /** How many jobs are in each phase (zero for the phases without any), for health checks and metrics. */
    public synchronized Map<GpPhase, Long> countByPhase() {
        return run(c -> {
            Map<GpPhase, Long> counts = new EnumMap<>(GpPhase.class);
            for (GpPhase phase : GpPhase.values()) {
                counts.put(phase, 0L);
            }
            try (PreparedStatement s = prepare(c, "SELECT phase, COUNT(*) FROM gp_job GROUP BY phase");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    counts.put(GpPhase.valueOf(r.getString(1)), r.getLong(2));
                }
            }
            return counts;
        });
    }

    /** Makes every running or downloading job due now, as on start-up. */
    public synchronized int resumeAll(long now) {
        return run(c -> update(c, "UPDATE gp_job SET next_poll_at = ? WHERE phase IN ('RUNNING', 'DOWNLOADING')", now));
    }

    private List<GpJobRecord> select(String where, Object... params) {
        return run(c -> {
            List<GpJobRecord> list = new ArrayList<>();
            try (PreparedStatement s = prepare(c, """
                    SELECT id, spec, input_name, input_path, input_sha256, phase, server_job_id, status_code,
                      sync_execution, created_at, submitted_at, deadline_at, next_poll_at, poll_count, error_count,
                      progress, executing_since, input_summary, results, messages, failure, finished_at
                    FROM gp_job\s""" + where, params); ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    list.add(record(r));
                }
            }
            return list;
        });
    }

    private static GpJobRecord record(ResultSet r) throws SQLException {
        int statusCode = r.getInt("status_code");
        boolean noStatus = r.wasNull();
        String failure = r.getString("failure");
        return new GpJobRecord(r.getString("id"), GpJobSpec.fromJson(GpJson.parse(r.getString("spec"))),
                r.getString("input_name"), Path.of(r.getString("input_path")), r.getString("input_sha256"),
                GpPhase.valueOf(r.getString("phase")), Optional.ofNullable(r.getString("server_job_id")),
                noStatus ? Optional.empty() : Optional.of(GpJobStatus.fromCode(statusCode)),
                r.getBoolean("sync_execution"), r.getLong("created_at"), nullableLong(r, "submitted_at"),
                r.getLong("deadline_at"), r.getLong("next_poll_at"), r.getInt("poll_count"), r.getInt("error_count"),
                r.getString("progress"), nullableLong(r, "executing_since"), GpJson.parse(r.getString("input_summary")),
                GpJson.parse(r.getString("results")), GpJson.parse(r.getString("messages")),
                failure == null ? Optional.empty() : Optional.of(GpFailure.fromJson(GpJson.parse(failure))),
                nullableLong(r, "finished_at"));
    }

    private GpStepException duplicate(NewJob job) {
        GpJobRecord first = select("WHERE live_key = ?", liveKey(job.spec().name(), job.inputSha256())).get(0);
        String state = first.phase() == GpPhase.SUCCEEDED ? "succeeded" : "still in progress";
        return new GpStepException(GpFailure.of("check duplicate", job.inputName() + " has the same content as "
                + first.inputName() + ", dropped " + GpJson.time(first.createdAt()) + " as job "
                + first.serverJobId().orElse(first.id()) + ", which " + (first.phase() == GpPhase.SUCCEEDED ? "has " : "is ")
                + state + "; it is not submitted again", "duplicate", List.of()));
    }

    /** Appends to the history when the status differs from the job's current one. */
    private static void changeStatus(Connection c, String id, GpJobStatus status, long now) throws SQLException {
        Integer current = null;
        int seq = 0;
        try (PreparedStatement s = prepare(c, "SELECT status_code FROM gp_job WHERE id = ?", id);
             ResultSet r = s.executeQuery()) {
            if (r.next()) {
                current = r.getInt(1);
                current = r.wasNull() ? null : current;
            }
        }
        if (current != null && current == status.code()) {
            return;
        }
        try (PreparedStatement s = prepare(c, "SELECT COUNT(*) FROM gp_job_status WHERE job_id = ?", id);
             ResultSet r = s.executeQuery()) {
            r.next();
            seq = r.getInt(1);
        }
        update(c, "INSERT INTO gp_job_status (job_id, seq, changed_at, status_code) VALUES (?, ?, ?, ?)",
                id, seq, now, status.code());
        update(c, "UPDATE gp_job SET status_code = ? WHERE id = ?", status.code(), id);
    }

    private static String liveKey(String jobName, String sha256) {
        return jobName + "|" + sha256;
    }

    private interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction; a broken connection (SQL state 08xxx) is reopened once. The thread's
     * interrupt flag is held back meanwhile: an interrupted thread would close H2's file channel for everyone.
     */
    private <T> T run(Work<T> work) {
        boolean interrupted = Thread.interrupted();
        try {
            return attempt(work);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private <T> T attempt(Work<T> work) {
        for (int attempt = 0; ; attempt++) {
            try {
                Connection c = connection();
                try {
                    T result = work.apply(c);
                    c.commit();
                    return result;
                } catch (SQLException e) {
                    rollback(c);
                    throw e;
                }
            } catch (SQLException e) {
                boolean connectionLost = e.getSQLState() != null && e.getSQLState().startsWith("08");
                if (connectionLost && attempt == 0) {
                    disconnect();
                    continue;
                }
                throw new StoreException(e);
            }
        }
    }

    private Connection connection() throws SQLException {
        if (closed) {
            throw new SQLException("the GP job store is closed", "08003");
        }
        if (connection == null) {
            connection = DriverManager.getConnection(url, username, password);
            connection.setAutoCommit(false);
        }
        return connection;
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the original failure is what matters
        }
    }

    private static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, params)) {
            return s.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p == null) {
                s.setNull(i + 1, Types.NULL); // untyped, so PostgreSQL takes the column's type
            } else if (p instanceof Long l) {
                s.setLong(i + 1, l);
            } else if (p instanceof Integer n) {
                s.setInt(i + 1, n);
            } else if (p instanceof Boolean b) {
                s.setBoolean(i + 1, b);
            } else {
                s.setString(i + 1, p.toString());
            }
        }
        return s;
    }

    private static Long nullableLong(ResultSet r, String column) throws SQLException {
        long value = r.getLong(column);
        return r.wasNull() ? null : value;
    }

    /** A database failure; the flow treats it like any unexpected error of the step it interrupted. */
    public static final class StoreException extends RuntimeException {

        StoreException(SQLException cause) {
            super("GP job store: " + cause.getMessage(), cause);
        }

        String sqlState() {
            return ((SQLException) getCause()).getSQLState();
        }
    }
}
