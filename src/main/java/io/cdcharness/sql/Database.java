package io.cdcharness.sql;

import io.cdcharness.stack.DatabaseEndpoint;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs scenario SQL against the stack's database, and reads the binlog position around it.
 *
 * <pre>{@code
 * Database db = new Database(stack.database());
 * db.execute("CREATE DATABASE shop");
 * ExecutionResult result = db.execute("shop", "INSERT INTO orders VALUES (1, 'new')");
 * result.binlogBefore(); // where the insert's transaction starts, at the earliest
 * }</pre>
 */
public final class Database implements AutoCloseable {
    private static final Set<String> SYSTEM_SCHEMAS = Set.of("mysql", "information_schema", "performance_schema", "sys");

    private final DatabaseEndpoint endpoint;
    private final CaptureGuard captureGuard = new CaptureGuard();
    private Connection connection;
    private volatile String binlogStatusStatement;
    private volatile StatementListener listener;

    /**
     * What one statement of a script did: its text (secrets masked later, by whoever shows it), where it
     * is, when it ran and returned (for an autocommit statement: when its commit was acknowledged), and
     * the binlog positions around it. {@code after} is null past the first {@value #POSITIONS_PER_SCRIPT}
     * statements of a script, where asking the server for each position would slow bulk scripts down.
     */
    public record StatementRun(int index, int count, String text, String line, java.time.Instant started, java.time.Instant finished,
                               BinlogPosition before, BinlogPosition after, String error) {
        public boolean failed() {
            return error != null;
        }
    }

    /** Told about every statement a script runs on this session (the harness records a scenario's SQL this way). */
    @FunctionalInterface
    public interface StatementListener {
        void ran(StatementRun statement);
    }

    /** Statements of one script whose binlog position after them is read (see {@link StatementRun}). */
    public static final int POSITIONS_PER_SCRIPT = 1000;

    public Database(DatabaseEndpoint endpoint) {
        this.endpoint = endpoint;
        io.cdcharness.stack.Secrets.remember(endpoint.password()); // masked in messages and evidence from now on
    }

    public DatabaseEndpoint endpoint() {
        return endpoint;
    }

    /** Sets the one listener told about each statement run (null: none). */
    public void onStatement(StatementListener listener) {
        this.listener = listener;
    }

    /** Runs every statement of the script, with no default database. */
    public ExecutionResult execute(String script) {
        return execute(null, script);
    }

    /**
     * Runs every statement of the script in order on one connection (so {@code BEGIN ... COMMIT} spans
     * statements), with {@code database} as the default database when it is not null.
     */
    public synchronized ExecutionResult execute(String database, String script) {
        return execute(database, SqlScript.parse(script));
    }

    /**
     * Runs a parsed script, as {@link #execute(String, String)} does; a failing statement is named with
     * its line and the script's file.
     *
     * <pre>{@code
     * Path file = Path.of("fixtures/sql/shop-dump.sql");
     * db.execute(null, SqlScript.parse(Files.readString(file), file.toString()));
     * // a failure: "SQL statement 3 of 10 (line 27 of fixtures/sql/shop-dump.sql) failed on ..."
     * }</pre>
     */
    public synchronized ExecutionResult execute(String database, SqlScript script) {
        List<SqlStatement> statements = script.statements();
        if (statements.isEmpty()) {
            throw new IllegalArgumentException(script.source()
                    .map(file -> "The SQL file " + file + " has no statement to run: it holds only comments and whitespace.")
                    .orElse("The SQL step has no statement to run. Put SQL between the \"\"\" lines."));
        }
        BinlogPosition before = binlogPosition();
        String gtidsBefore = gtidPosition();
        Connection session = connection();
        String where = endpoint + (database == null ? "" : ", database " + database);
        try (Statement statement = session.createStatement()) {
            if (database != null) {
                run(statement, "USE `" + database.replace("`", "``") + "`", null, where, 1, 1);
            }
            int index = 0;
            long updated = 0;
            BinlogPosition lastStatementStart = before;
            StatementListener told = listener;
            BinlogPosition previous = before;
            for (SqlStatement sql : statements) {
                index++;
                if (index == statements.size() && index > 1) {
                    lastStatementStart = binlogPosition();
                }
                captureGuard.beforeStatement(sql.text());
                java.time.Instant started = java.time.Instant.now();
                try {
                    updated += Math.max(0, run(statement, sql.text(), script.describeLine(sql.line()), where, index, statements.size()));
                } catch (SqlStatementException e) {
                    tell(told, new StatementRun(index, statements.size(), sql.text(), script.describeLine(sql.line()), started,
                            java.time.Instant.now(), previous, null, e.getCause() == null ? e.getMessage() : e.getCause().getMessage()));
                    throw e;
                }
                if (told != null) {
                    java.time.Instant finished = java.time.Instant.now();
                    BinlogPosition after = index <= POSITIONS_PER_SCRIPT ? binlogPosition() : null;
                    tell(told, new StatementRun(index, statements.size(), sql.text(), script.describeLine(sql.line()), started, finished,
                            previous, after, null));
                    previous = after;
                }
                if (CaptureGuard.mayChangeCapture(sql.text())) {
                    captureGuard.observe(CaptureSettings.read(this::query), sql.text());
                }
            }
            return new ExecutionResult(statements.size(), updated, before, gtidsBefore, lastStatementStart, binlogPosition(), gtidPosition());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not use the connection to " + where + ": " + e.getMessage(), e);
        }
    }

    /** A listener that fails must not fail the scenario's SQL. */
    private static void tell(StatementListener listener, StatementRun run) {
        if (listener == null) {
            return;
        }
        try {
            listener.ran(run);
        } catch (RuntimeException ignored) {
            // recording is a side show
        }
    }

    private static long run(Statement statement, String sql, String line, String where, int index, int count) {
        try {
            statement.execute(sql);
            return statement.getLargeUpdateCount();
        } catch (SQLException e) {
            throw new SqlStatementException(where, sql, line, index, count, e);
        }
    }

    /** Rows of a query as column-name to value maps, in order. */
    public synchronized List<Map<String, Object>> query(String sql) {
        try (Statement statement = connection().createStatement(); ResultSet result = statement.executeQuery(sql)) {
            ResultSetMetaData meta = result.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (result.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int column = 1; column <= meta.getColumnCount(); column++) {
                    row.put(meta.getColumnLabel(column), result.getObject(column));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new SqlStatementException(endpoint.toString(), sql, 1, 1, e);
        }
    }

    /**
     * The server's current binlog write position, from {@link #binlogStatusStatement()}:
     * {@code SHOW BINARY LOG STATUS} on MySQL 8.4 and later (which removed {@code SHOW MASTER STATUS}),
     * {@code SHOW MASTER STATUS} before and on MariaDB.
     */
    public BinlogPosition binlogPosition() {
        Map<String, Object> row = binlogStatus();
        return new BinlogPosition(String.valueOf(row.get("File")), ((Number) row.get("Position")).longValue());
    }

    /** The whole row of {@link #binlogStatusStatement()}: {@code File}, {@code Position}, {@code Executed_Gtid_Set} and so on. */
    public Map<String, Object> binlogStatus() {
        String statement = binlogStatusStatement();
        List<Map<String, Object>> rows = query(statement);
        if (rows.isEmpty()) {
            throw new IllegalStateException("The database at " + endpoint + " has no binary log (" + statement + " is empty). "
                    + "CDC needs log_bin and binlog_format=ROW: check the mysql.cnf fixture.");
        }
        return rows.get(0);
    }

    /** The statement that shows the binlog position on this server (see {@link #binlogPosition()}). */
    public String binlogStatusStatement() {
        String statement = binlogStatusStatement;
        if (statement == null) {
            Object version = query("SELECT VERSION() AS version").get(0).get("version");
            statement = binlogStatusStatement(String.valueOf(version));
            binlogStatusStatement = statement;
        }
        return statement;
    }

    /**
     * {@code SHOW BINARY LOG STATUS} for MySQL 8.4 and later, {@code SHOW MASTER STATUS} for older MySQL
     * and for MariaDB (which keeps it), from the server's {@code VERSION()}.
     */
    public static String binlogStatusStatement(String version) {
        java.util.regex.Matcher number = java.util.regex.Pattern.compile("(\\d+)\\.(\\d+)").matcher(version == null ? "" : version);
        if (version == null || version.toLowerCase(java.util.Locale.ROOT).contains("mariadb") || !number.find()) {
            return "SHOW MASTER STATUS";
        }
        int major = Integer.parseInt(number.group(1));
        int minor = Integer.parseInt(number.group(2));
        return major > 8 || (major == 8 && minor >= 4) ? "SHOW BINARY LOG STATUS" : "SHOW MASTER STATUS";
    }

    /** One event of the binary log, as {@code SHOW BINLOG EVENTS} lists it. */
    public record BinlogEvent(BinlogPosition position, String type, String info) {
        /** A row change: Write_rows, Update_rows, Delete_rows (any version). */
        public boolean isRowChange() {
            return type.startsWith("Write_rows") || type.startsWith("Update_rows") || type.startsWith("Delete_rows");
        }

        /** The start of a transaction: MySQL's {@code Query BEGIN}, MariaDB's {@code Gtid BEGIN GTID ...}. */
        public boolean beginsTransaction() {
            return info.startsWith("BEGIN");
        }

        /** For a Table_map event: the {@code db.table} it names; empty otherwise. */
        public java.util.Optional<String> mappedTable() {
            java.util.regex.Matcher table = java.util.regex.Pattern.compile("\\(([^)]+)\\)").matcher(info);
            return type.equals("Table_map") && table.find() ? java.util.Optional.of(table.group(1).replace("`", "")) : java.util.Optional.empty();
        }
    }

    /** The binlog's events from {@code from} on, across files, at most {@code limit}. */
    public synchronized List<BinlogEvent> binlogEvents(BinlogPosition from, int limit) {
        List<BinlogEvent> events = new ArrayList<>();
        List<String> files = query("SHOW BINARY LOGS").stream().map(row -> String.valueOf(row.values().iterator().next()))
                .filter(file -> new BinlogPosition(file, Long.MAX_VALUE).compareTo(from) >= 0).toList();
        for (String file : files) {
            long start = file.equals(from.file()) ? from.position() : 4;
            for (Map<String, Object> row : query("SHOW BINLOG EVENTS IN '" + file.replace("'", "''") + "' FROM " + start + " LIMIT " + (limit - events.size()))) {
                events.add(new BinlogEvent(new BinlogPosition(file, ((Number) row.get("Pos")).longValue()),
                        String.valueOf(row.get("Event_type")), String.valueOf(row.get("Info"))));
            }
            if (events.size() >= limit) {
                break;
            }
        }
        return events;
    }

    /** MariaDB's {@code @@gtid_binlog_pos} (its connector resumes by GTID); empty for MySQL. */
    public String gtidPosition() {
        if (endpoint.flavor() != io.cdcharness.stack.DatabaseFlavor.MARIADB) {
            return "";
        }
        Object value = query("SELECT @@gtid_binlog_pos AS gtids").get(0).get("gtids");
        return value == null ? "" : value.toString();
    }

    /** The databases a scenario created: all but the server's own schemas. */
    public List<String> userDatabases() {
        return query("SHOW DATABASES").stream()
                .map(row -> String.valueOf(row.values().iterator().next()))
                .filter(name -> !SYSTEM_SCHEMAS.contains(name.toLowerCase()))
                .toList();
    }

    /**
     * Rotates the binary log ({@code FLUSH BINARY LOGS}) and returns the position before the rotation.
     * A rotation writes no row, no DDL and no transaction, yet every connector that reads the binlog
     * passes it, and its heartbeats carry an offset past it: the harness's marker, invisible in topics.
     */
    public synchronized BinlogPosition rotateBinlog() {
        BinlogPosition before = binlogPosition();
        try (Statement statement = connection().createStatement()) {
            statement.execute("FLUSH BINARY LOGS");
        } catch (SQLException e) {
            throw new SqlStatementException(endpoint.toString(), "FLUSH BINARY LOGS", 1, 1, e);
        }
        return before;
    }

    /**
     * Statements of the scenario so far that ran while the session could not be captured
     * ({@code sql_log_bin=0}, a binlog format other than ROW, a row image other than FULL), one line each;
     * empty when every statement reached the binlog as Debezium needs it.
     */
    public synchronized java.util.List<String> blindSpots() {
        return captureGuard.blindSpots();
    }

    /**
     * A clean session for the next scenario: an open transaction is rolled back and the connection is
     * closed, so session variables ({@code sql_log_bin}, {@code autocommit}, {@code @user_vars}, the
     * default database) start from the server's defaults. Server-wide settings that blind the capture
     * ({@code binlog_format}, {@code binlog_row_image}) are set back, and the returned lines say what was.
     */
    public synchronized java.util.List<String> resetSession() {
        if (connection != null) {
            try {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
                connection.close();
            } catch (SQLException ignored) {
                // a broken session is dropped all the same
            }
            connection = null;
        }
        captureGuard.clear();
        java.util.List<String> restored = new java.util.ArrayList<>();
        CaptureSettings global = CaptureSettings.read(this::query);
        if (!"ROW".equalsIgnoreCase(global.globalBinlogFormat())) {
            execute("SET GLOBAL binlog_format = 'ROW'");
            restored.add("binlog_format was " + global.globalBinlogFormat() + " server-wide; set back to ROW");
        }
        if (!"FULL".equalsIgnoreCase(global.globalRowImage())) {
            execute("SET GLOBAL binlog_row_image = 'FULL'");
            restored.add("binlog_row_image was " + global.globalRowImage() + " server-wide; set back to FULL");
        }
        if (!restored.isEmpty()) {
            close(); // the session that set them back has the old values; the next one starts with the new ones
        }
        captureGuard.clear();
        return restored;
    }

    /** Drops every database a scenario created. */
    public synchronized void dropUserDatabases() {
        dropUserDatabases(name -> true);
    }

    /** Drops the databases (other than the server's own) that the filter accepts. */
    public synchronized void dropUserDatabases(java.util.function.Predicate<String> which) {
        for (String name : userDatabases().stream().filter(which).toList()) {
            execute("DROP DATABASE `" + name.replace("`", "``") + "`");
        }
    }

    private Connection connection() {
        try {
            if (connection == null || !connection.isValid(2)) {
                connection = DriverManager.getConnection(endpoint.jdbcUrl(), endpoint.user(), endpoint.password());
            }
            return connection;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not connect to " + endpoint + ": " + e.getMessage()
                    + ". Is the database running? Its log is listed by the stack.", e);
        }
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
            connection = null;
        }
    }

    /**
     * What a script did: how many statements ran and rows changed, and binlog positions: before the
     * script, before its last statement (where the last statement's transaction starts, at the
     * earliest) and after it; with MariaDB's GTID position before and after ({@code @@gtid_binlog_pos};
     * empty elsewhere).
     */
    public record ExecutionResult(int statements, long rowsChanged, BinlogPosition binlogBefore, String gtidsBefore,
                                  BinlogPosition lastStatementStart, BinlogPosition binlogAfter, String gtidsAfter) {

        /** True when a binlog position (of an event's {@code source.file}/{@code source.pos}) lies within this script's writes. */
        public boolean wrote(BinlogPosition position) {
            return position.isAtOrAfter(binlogBefore) && position.compareTo(binlogAfter) < 0;
        }

        /**
         * True when a transaction id as Debezium writes it belongs to this script: {@code file=F,pos=P}
         * (no GTIDs) within its positions, or a MariaDB GTID {@code domain-server-sequence} it added.
         */
        public boolean wroteTransaction(String transactionId) {
            java.util.regex.Matcher position = java.util.regex.Pattern.compile("file=(.+),pos=(\\d+)").matcher(transactionId);
            if (position.matches()) {
                return wrote(new BinlogPosition(position.group(1), Long.parseLong(position.group(2))));
            }
            java.util.regex.Matcher gtid = java.util.regex.Pattern.compile("(\\d+)-(\\d+)-(\\d+)").matcher(transactionId);
            if (gtid.matches()) {
                long sequence = Long.parseLong(gtid.group(3));
                return sequence > mariaDbSequence(gtidsBefore, gtid.group(1)) && sequence <= mariaDbSequence(gtidsAfter, gtid.group(1));
            }
            return false;
        }

        private static long mariaDbSequence(String gtidPosition, String domain) {
            for (String part : gtidPosition == null ? new String[0] : gtidPosition.split(",")) {
                String[] fields = part.trim().split("-");
                if (fields.length == 3 && fields[0].equals(domain)) {
                    return Long.parseLong(fields[2]);
                }
            }
            return 0;
        }
    }
}
