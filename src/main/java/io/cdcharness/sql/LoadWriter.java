package io.cdcharness.sql;

import io.cdcharness.stack.DatabaseEndpoint;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

/**
 * Writes to one table in the background at a set rate, on a connection of its own, while faults hit
 * the pipeline: it inserts new keys, updates and deletes live ones, and keeps its own log of every
 * write the database confirmed. That log is the truth a reconciliation compares the topic with.
 *
 * <pre>{@code
 * LoadWriter writer = LoadWriter.start(endpoint, LoadWriter.Options.of("shop.load", 200));
 * ... kill the Connect worker, start it again ...
 * LoadWriter.Summary summary = writer.stop();   // "1,204 writes in 6.0 s (200 per second wanted, 200 achieved)"
 * writer.log();                                  // every confirmed write, in order
 * }</pre>
 *
 * The table needs an integer primary key and a text column; the writer finds them, or says what it needs.
 * When the database goes away the writer keeps trying to reconnect; a write whose outcome it cannot know
 * (the connection broke while it ran) is counted as uncertain, and the table decides it.
 */
public final class LoadWriter implements AutoCloseable {
    private final DatabaseEndpoint endpoint;
    private final Options options;
    private final Thread thread;
    private final List<Write> log = new CopyOnWriteArrayList<>();
    private final List<String> uncertain = new CopyOnWriteArrayList<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final Random random;
    private final List<Long> liveKeys = new ArrayList<>();
    private final String keyColumn;
    private final String textColumn;
    private volatile boolean running = true;
    private volatile Instant started;
    private volatile Instant stopped;
    private long nextKey;
    private long attempted;
    private Connection connection;

    /**
     * @param table        {@code database.table}
     * @param perSecond    writes per second wanted
     * @param insertShare  the share of inserts (the rest split between updates and deletes as given)
     * @param firstKey     the first key an insert uses
     */
    public record Options(String table, int perSecond, double insertShare, double updateShare, double deleteShare, long firstKey, long seed) {
        /** 60 % inserts, 30 % updates, 10 % deletes, keys from 1, a fixed seed (the same run writes the same keys). */
        public static Options of(String table, int perSecond) {
            return new Options(table, perSecond, 0.6, 0.3, 0.1, 1, 42);
        }
    }

    /** One write the database confirmed. {@code text} is the text column's value after it (null for a delete). */
    public record Write(long sequence, String op, long key, String text, Instant committedAt) {
    }

    /** What the writer did. */
    public record Summary(long writes, long inserts, long updates, long deletes, int uncertain, List<String> errors,
                          Duration elapsed, int wantedPerSecond, double achievedPerSecond) {
        /** {@code "1,204 writes (722 inserts, 361 updates, 121 deletes) in 6.0 s: 200 per second wanted, 200.7 achieved"}. */
        public String describe() {
            String text = String.format(Locale.ROOT, "%,d writes (%,d inserts, %,d updates, %,d deletes) in %.1f s: %d per second wanted, %.1f achieved",
                    writes, inserts, updates, deletes, elapsed.toMillis() / 1000.0, wantedPerSecond, achievedPerSecond);
            if (achievedPerSecond < wantedPerSecond * 0.9 && writes >= 10) {
                text += " (this machine could not write faster, or the database was down for part of the time)";
            }
            if (uncertain > 0) {
                text += "; " + uncertain + " writes of unknown outcome (the connection broke while they ran; the table decides)";
            }
            return text;
        }
    }

    private LoadWriter(DatabaseEndpoint endpoint, Options options, String keyColumn, String textColumn, long nextKey) {
        this.endpoint = endpoint;
        this.options = options;
        this.random = new Random(options.seed());
        this.keyColumn = keyColumn;
        this.textColumn = textColumn;
        this.nextKey = nextKey;
        this.thread = new Thread(this::loop, "cdc-harness-load-writer");
        this.thread.setDaemon(true);
    }

    /** Checks the table and starts writing; returns at once. */
    public static LoadWriter start(DatabaseEndpoint endpoint, Options options) {
        if (options.perSecond() <= 0) {
            throw new IllegalArgumentException("A writer needs a rate above 0 writes per second, not " + options.perSecond() + ".");
        }
        String[] parts = options.table().split("\\.");
        if (parts.length != 2) {
            throw new IllegalArgumentException("Name the writer's table with its database, as database.table (e.g. \"shop.load\"), not \""
                    + options.table() + "\".");
        }
        try (Connection probe = DriverManager.getConnection(endpoint.jdbcUrl(), endpoint.user(), endpoint.password())) {
            Columns columns = Columns.of(probe, parts[0], parts[1], options.table());
            long nextKey = Math.max(options.firstKey(), columns.maxKey(probe, options.table()) + 1);
            LoadWriter writer = new LoadWriter(endpoint, options, columns.key(), columns.text(), nextKey);
            writer.started = Instant.now();
            writer.thread.start();
            return writer;
        } catch (SQLException e) {
            throw new IllegalStateException("The writer could not look at table " + options.table() + " on " + endpoint + ": " + e.getMessage(), e);
        }
    }

    /** The key and text columns the writer uses. */
    private record Columns(String key, String text) {
        static Columns of(Connection connection, String database, String table, String name) throws SQLException {
            DatabaseMetaData meta = connection.getMetaData();
            List<String> keys = new ArrayList<>();
            try (ResultSet primary = meta.getPrimaryKeys(database, null, table)) {
                while (primary.next()) {
                    keys.add(primary.getString("COLUMN_NAME"));
                }
            }
            String key = null;
            String text = null;
            boolean exists = false;
            try (ResultSet columns = meta.getColumns(database, null, table, null)) {
                while (columns.next()) {
                    exists = true;
                    String column = columns.getString("COLUMN_NAME");
                    int type = columns.getInt("DATA_TYPE");
                    boolean integer = type == java.sql.Types.INTEGER || type == java.sql.Types.BIGINT || type == java.sql.Types.SMALLINT;
                    boolean textual = type == java.sql.Types.VARCHAR || type == java.sql.Types.LONGVARCHAR || type == java.sql.Types.CHAR;
                    if (keys.size() == 1 && keys.get(0).equals(column) && integer) {
                        key = column;
                    } else if (textual && text == null) {
                        text = column;
                    }
                }
            }
            if (!exists || key == null || text == null) {
                throw new IllegalArgumentException("The writer needs table " + name + " with one integer primary key and a text column"
                        + (exists ? "; it has " + (key == null ? "no single integer primary key" : "no text column") : ", which does not exist")
                        + ". For example: CREATE TABLE " + name + " (id BIGINT PRIMARY KEY, payload VARCHAR(64));");
            }
            return new Columns(key, text);
        }

        long maxKey(Connection connection, String table) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement("SELECT COALESCE(MAX(`" + key + "`), 0) FROM " + quoted(table));
                 ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static String quoted(String table) {
        String[] parts = table.split("\\.");
        return "`" + parts[0] + "`.`" + parts[1] + "`";
    }

    private void loop() {
        long intervalNanos = 1_000_000_000L / options.perSecond();
        long next = System.nanoTime();
        while (running) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait); // pacing the writer's own rate, not waiting for the pipeline
                continue;
            }
            next += intervalNanos;
            if (System.nanoTime() - next > 1_000_000_000L) {
                next = System.nanoTime(); // far behind (the database was down): do not try to catch up in a burst
            }
            writeOnce();
        }
        closeConnection();
        stopped = Instant.now();
    }

    private void writeOnce() {
        Connection session = connection();
        if (session == null) {
            return; // the database is away: this write is not attempted
        }
        String op = chooseOp();
        long key = op.equals("c") ? nextKey : liveKeys.get(random.nextInt(liveKeys.size()));
        long sequence = ++attempted;
        String text = op.equals("d") ? null : "w" + sequence;
        String sql = switch (op) {
            case "c" -> "INSERT INTO " + quoted(options.table()) + " (`" + keyColumn + "`, `" + textColumn + "`) VALUES (?, ?)";
            case "u" -> "UPDATE " + quoted(options.table()) + " SET `" + textColumn + "` = ? WHERE `" + keyColumn + "` = ?";
            default -> "DELETE FROM " + quoted(options.table()) + " WHERE `" + keyColumn + "` = ?";
        };
        try (PreparedStatement statement = session.prepareStatement(sql)) {
            switch (op) {
                case "c" -> {
                    statement.setLong(1, key);
                    statement.setString(2, text);
                }
                case "u" -> {
                    statement.setString(1, text);
                    statement.setLong(2, key);
                }
                default -> statement.setLong(1, key);
            }
            statement.executeUpdate();
            log.add(new Write(sequence, op, key, text, Instant.now()));
            switch (op) {
                case "c" -> {
                    liveKeys.add(key);
                    nextKey++;
                }
                case "d" -> liveKeys.remove(key);
                default -> { }
            }
        } catch (SQLException e) {
            if (isConnectionFailure(e)) {
                uncertain.add(op + " of key " + key + " (write " + sequence + "): " + e.getMessage());
                if (op.equals("c")) {
                    nextKey++; // never reuse a key whose insert may have committed
                }
                closeConnection();
            } else {
                errors.add(op + " of key " + key + ": [" + e.getErrorCode() + "] " + e.getMessage());
            }
        }
    }

    private String chooseOp() {
        if (liveKeys.isEmpty()) {
            return "c";
        }
        double total = options.insertShare() + options.updateShare() + options.deleteShare();
        double pick = random.nextDouble() * total;
        if (pick < options.insertShare()) {
            return "c";
        }
        return pick < options.insertShare() + options.updateShare() ? "u" : "d";
    }

    private static boolean isConnectionFailure(SQLException e) {
        String state = e.getSQLState();
        return (state != null && state.startsWith("08")) || e instanceof java.sql.SQLRecoverableException
                || e instanceof java.sql.SQLNonTransientConnectionException;
    }

    private Connection connection() {
        try {
            if (connection == null) {
                connection = DriverManager.getConnection(endpoint.jdbcUrl().replace("connectTimeout=5000", "connectTimeout=1000"),
                        endpoint.user(), endpoint.password());
                connection.setAutoCommit(true);
            }
            return connection;
        } catch (SQLException e) {
            return null;
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // broken anyway
            }
            connection = null;
        }
    }

    public boolean isRunning() {
        return running && thread.isAlive();
    }

    /** Every write the database confirmed so far, in order. */
    public List<Write> log() {
        return Collections.unmodifiableList(new ArrayList<>(log));
    }

    /** Writes whose outcome is unknown (the connection broke while they ran). */
    public List<String> uncertain() {
        return List.copyOf(uncertain);
    }

    /** Stops writing, waits for the last write to finish, and says what was written. */
    public Summary stop() {
        running = false;
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return summary();
    }

    public Summary summary() {
        List<Write> writes = log();
        Instant end = stopped == null ? Instant.now() : stopped;
        Duration elapsed = Duration.between(started, end);
        long inserts = writes.stream().filter(write -> write.op().equals("c")).count();
        long updates = writes.stream().filter(write -> write.op().equals("u")).count();
        long deletes = writes.size() - inserts - updates;
        double achieved = elapsed.isZero() ? 0 : writes.size() * 1000.0 / elapsed.toMillis();
        return new Summary(writes.size(), inserts, updates, deletes, uncertain.size(), List.copyOf(errors), elapsed, options.perSecond(), achieved);
    }

    public String table() {
        return options.table();
    }

    public String keyColumn() {
        return keyColumn;
    }

    public String textColumn() {
        return textColumn;
    }

    @Override
    public void close() {
        if (running) {
            stop();
        }
    }
}
