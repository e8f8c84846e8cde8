package org.giscamel.gp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The job store: a JDBC repository of GP jobs, an H2 file by default and PostgreSQL through its URL, behind a
 * connection pool. Its tables come from the migrations in {@value #MIGRATIONS} (Flyway, history in
 * {@value #HISTORY}), so later features add tables and columns as new versions; a store made before migrations
 * existed is recognised and taken as version 1. The SQL is plain ANSI so both databases run it.
 *
 * <p>Anyone may read. Only {@link GpJobLifecycle} writes, through the package-private methods: each write is one
 * transaction, and a change of a job applies only while the job is in the phase the transition starts from.
 *
 * <p>A job counts for duplicate detection through {@code live_key} (declaration + input sha256), unique while the
 * job is in progress or succeeded; a failed job gives it up so the same file may be dropped again as a retry.
 */
public final class GpJobStore implements AutoCloseable {

    /** Where the schema's versions are, beside this class. */
    static final String MIGRATIONS = "classpath:org/giscamel/gp/db";
    /** Flyway's history table, named for this store so it never meets an embedding application's own. */
    static final String HISTORY = "gp_schema_history";

    /** A column a transition sets. */
    enum Column {
        PHASE, SERVER_JOB_ID, SYNC_EXECUTION, SUBMITTED_AT, NEXT_POLL_AT, POLL_COUNT, ERROR_COUNT, PROGRESS,
        EXECUTING_SINCE, RESULTS, MESSAGES, FAILURE, FINISHED_AT, LIVE_KEY, OUTCOME, WARNINGS;

        String sql() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What one transition writes: columns, and the server's status when it changed (kept in the history). */
    static final class Change {
        private final Map<Column, Object> columns = new EnumMap<>(Column.class);
        private GpJobStatus status;
        private long statusAt;

        Change set(Column column, Object value) {
            columns.put(column, value);
            return this;
        }

        Change status(GpJobStatus status, long at) {
            this.status = status;
            this.statusAt = at;
            return this;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(GpJobStore.class);
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String JOB_COLUMNS = """
            SELECT id, spec, input_name, input_path, input_sha256, phase, server_job_id, status_code, sync_execution,
              created_at, submitted_at, deadline_at, next_poll_at, poll_count, error_count, progress, executing_since,
              input_summary, results, messages, failure, finished_at, outcome, warnings
            FROM gp_job\s""";

    private final HikariDataSource pool;

    private GpJobStore(HikariDataSource pool) {
        this.pool = pool;
    }

    /**
     * Opens the store and brings its tables to the newest version.
     *
     * @param url         a JDBC URL; an H2 database is kept open until {@link #close()}, see {@link #closedByTheFlow}
     * @param connections the pool's size: one per thread that works on jobs at once, and a few for the rest
     */
    public static GpJobStore open(String url, String username, String password, int connections) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("gp-job-store");
        config.setJdbcUrl(closedByTheFlow(url));
        config.setUsername(username);
        config.setPassword(password);
        config.setAutoCommit(false);
        // a fixed-size pool: its connections are made at start, not while jobs wait for one
        config.setMaximumPoolSize(connections);
        config.setMinimumIdle(connections);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("could not connect to the GP job store", e);
        }
        try {
            migrate(pool);
            return new GpJobStore(pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
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

    /** A store without history but with its tables was made before migrations: it is version 1 as it stands. */
    private static void migrate(DataSource pool) {
        Flyway flyway = Flyway.configure().dataSource(pool).locations(MIGRATIONS).table(HISTORY)
                .baselineVersion("1").baselineDescription("gp_job tables made before migrations").load();
        boolean unversioned = flyway.info().applied().length == 0;
        if (unversioned && hasJobTable(pool)) {
            flyway.baseline();
            LOG.info("GP job store: its tables predate migrations; taken as version 1");
        }
        MigrateResult result = flyway.migrate();
        if (result.migrationsExecuted > 0) {
            LOG.info("GP job store: schema migrated to version {}", result.targetSchemaVersion);
        }
    }

    private static boolean hasJobTable(DataSource pool) {
        try (Connection c = pool.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            String name = meta.storesUpperCaseIdentifiers() ? "GP_JOB" : "gp_job";
            try (ResultSet tables = meta.getTables(c.getCatalog(), c.getSchema(), name, new String[]{"TABLE"})) {
                return tables.next();
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Closes the pool for good; a poll or download still running afterwards fails instead of reopening it. */
    @Override
    public void close() {
        pool.close();
    }

    public Optional<GpJobRecord> find(String id) {
        List<GpJobRecord> found = select("WHERE id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Jobs of one declaration, oldest first. */
    public List<GpJobRecord> jobsOf(String jobName) {
        return select("WHERE job_name = ? ORDER BY created_at", jobName);
    }

    /** The newest jobs of every declaration, newest first, for the operator status page. */
    public List<GpJobRecord> newest(int limit) {
        return select("ORDER BY created_at DESC, id LIMIT ?", limit);
    }

    public List<GpOutputRecord> outputs(String id) {
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

    public List<GpStatusChange> history(String id) {
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

    /** How many jobs are in each phase (zero for the phases without any), for health checks and metrics. */
    public Map<GpPhase, Long> countByPhase() {
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

    /** Jobs in one of {@code phases} whose next look is due by {@code now}, the longest waiting first. */
    List<GpJobRecord> due(Set<GpPhase> phases, long now, int limit) {
        return select("WHERE phase IN (" + placeholders(phases.size()) + ") AND next_poll_at <= ? "
                + "ORDER BY next_poll_at LIMIT ?", params(phases, now, limit));
    }

    /** Jobs in {@code phase} recorded before {@code createdBefore}. */
    List<GpJobRecord> inPhase(GpPhase phase, long createdBefore) {
        return select("WHERE phase = ? AND created_at < ?", phase.name(), createdBefore);
    }

    /** The job that holds a declaration's duplicate key for this content, if any. */
    Optional<GpJobRecord> holderOf(String jobName, String inputSha256) {
        List<GpJobRecord> found = select("WHERE live_key = ?", liveKey(jobName, inputSha256));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /**
     * Records a job in {@link GpPhase#SUBMITTING}, holding its duplicate key.
     *
     * @return false when another job holds the key (the same content for the same declaration)
     */
    boolean insert(String id, GpJobSpec spec, String inputName, Path inputPath, String inputSha256, JsonNode input,
                   long createdAt, long deadlineAt) {
        try {
            run(c -> update(c, """
                            INSERT INTO gp_job (id, job_name, spec, input_name, input_path, input_sha256, live_key, phase,
                              sync_execution, created_at, deadline_at, next_poll_at, poll_count, error_count, input_summary)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?, ?, 0, 0, ?)""",
                    id, spec.name(), spec.toJson().toString(), inputName, inputPath.toString(), inputSha256,
                    liveKey(spec.name(), inputSha256), GpPhase.SUBMITTING.name(), createdAt, deadlineAt,
                    Long.MAX_VALUE, input.toString()));
            return true;
        } catch (StoreException e) {
            if (UNIQUE_VIOLATION.equals(e.sqlState())) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Applies {@code change} to the job if it is in phase {@code from}.
     *
     * @return false when the job is in another phase (or gone): nothing was written
     */
    boolean update(String id, GpPhase from, Change change) {
        return run(c -> {
            List<Object> params = new ArrayList<>();
            String assignments = change.columns.entrySet().stream().map(e -> {
                params.add(e.getValue());
                return e.getKey().sql() + " = ?";
            }).collect(Collectors.joining(", "));
            params.add(id);
            params.add(from.name());
            if (update(c, "UPDATE gp_job SET " + assignments + " WHERE id = ? AND phase = ?", params.toArray()) == 0) {
                return false;
            }
            if (change.status != null) {
                changeStatus(c, id, change.status, change.statusAt);
            }
            return true;
        });
    }

    /** One output file of a job; a file name is recorded once. */
    void insertOutput(String id, GpOutputRecord output) {
        run(c -> update(c, """
                        INSERT INTO gp_job_output (job_id, file_name, parameter, kind, size_bytes, sha256, written_at,
                          warning) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                id, output.file(), output.parameter(), output.kind(), output.size(), output.sha256(), output.writtenAt(),
                output.warning()));
    }

    /** Makes every job in one of {@code phases} due at {@code now}. */
    int makeDue(Set<GpPhase> phases, long now) {
        List<Object> params = new ArrayList<>(List.of(now));
        phases.forEach(p -> params.add(p.name()));
        return run(c -> update(c, "UPDATE gp_job SET next_poll_at = ? WHERE phase IN (" + placeholders(phases.size())
                + ")", params.toArray()));
    }

    private List<GpJobRecord> select(String where, Object... params) {
        return run(c -> {
            List<GpJobRecord> list = new ArrayList<>();
            try (PreparedStatement s = prepare(c, JOB_COLUMNS + where, params); ResultSet r = s.executeQuery()) {
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
        String outcome = r.getString("outcome");
        List<String> warnings = new ArrayList<>();
        JsonNode stored = GpJson.parse(r.getString("warnings"));
        if (stored != null) {
            stored.forEach(w -> warnings.add(w.asText()));
        }
        return new GpJobRecord(r.getString("id"), GpJobSpec.fromJson(GpJson.parse(r.getString("spec"))),
                r.getString("input_name"), Path.of(r.getString("input_path")), r.getString("input_sha256"),
                GpPhase.valueOf(r.getString("phase")), Optional.ofNullable(r.getString("server_job_id")),
                noStatus ? Optional.empty() : Optional.of(GpJobStatus.fromCode(statusCode)),
                r.getBoolean("sync_execution"), r.getLong("created_at"), nullableLong(r, "submitted_at"),
                r.getLong("deadline_at"), r.getLong("next_poll_at"), r.getInt("poll_count"), r.getInt("error_count"),
                r.getString("progress"), nullableLong(r, "executing_since"), GpJson.parse(r.getString("input_summary")),
                GpJson.parse(r.getString("results")), GpJson.parse(r.getString("messages")),
                failure == null ? Optional.empty() : Optional.of(GpFailure.fromJson(GpJson.parse(failure))),
                nullableLong(r, "finished_at"), Optional.ofNullable(outcome).map(GpPhase::valueOf), warnings);
    }

    /** The stored form of a job's warnings. */
    static String warningsJson(List<String> warnings) {
        ArrayNode array = GpJson.MAPPER.createArrayNode();
        warnings.forEach(array::add);
        return array.toString();
    }

    /** Appends to the history when the status differs from the job's current one. */
    private static void changeStatus(Connection c, String id, GpJobStatus status, long at) throws SQLException {
        Integer current = null;
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
        int seq;
        try (PreparedStatement s = prepare(c, "SELECT COUNT(*) FROM gp_job_status WHERE job_id = ?", id);
             ResultSet r = s.executeQuery()) {
            r.next();
            seq = r.getInt(1);
        }
        update(c, "INSERT INTO gp_job_status (job_id, seq, changed_at, status_code) VALUES (?, ?, ?, ?)",
                id, seq, at, status.code());
        update(c, "UPDATE gp_job SET status_code = ? WHERE id = ?", status.code(), id);
    }

    private static String liveKey(String jobName, String sha256) {
        return jobName + "|" + sha256;
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static Object[] params(Set<GpPhase> phases, Object... more) {
        List<Object> params = new ArrayList<>();
        phases.forEach(p -> params.add(p.name()));
        params.addAll(List.of(more));
        return params.toArray();
    }

    private interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction; a broken connection (SQL state 08xxx) is replaced once. The thread's
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
            try (Connection c = pool.getConnection()) {
                try {
                    T result = work.apply(c);
                    c.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    rollback(c);
                    throw e;
                }
            } catch (SQLException e) {
                boolean connectionLost = e.getSQLState() != null && e.getSQLState().startsWith("08");
                if (connectionLost && attempt == 0 && !pool.isClosed()) {
                    continue;
                }
                throw new StoreException(e);
            }
        }
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

        StoreException(String message, RuntimeException cause) {
            super("GP job store: " + message + ": " + cause.getMessage(), cause);
        }

        String sqlState() {
            return getCause() instanceof SQLException sql ? sql.getSQLState() : null;
        }
    }
}
