package io.cdcharness.tools;

import io.cdcharness.CdcHarness;
import io.cdcharness.assertions.ReconcileAssert;
import io.cdcharness.assertions.Reconciliation;

import java.time.Duration;
import java.util.Locale;

/**
 * Many rows at once: inserts them with multi-row INSERTs ({@value #ROWS_PER_INSERT} rows each, at most
 * {@value #ROWS_PER_TRANSACTION} rows per transaction) and times until the DSL's reconciliation holds under
 * exactly-once delivery: every row's change event read and compared with the table, column by column.
 * Also measures this JVM's heap (after a GC) before and after, which is mostly what the recorder keeps.
 */
final class BulkRows {
    private static final String SEED = "connectors/my-source-connector.json";
    private static final int ROWS_PER_INSERT = 1_000;
    private static final int ROWS_PER_TRANSACTION = 10_000;
    private static final Duration RECONCILE_LIMIT = Duration.ofMinutes(10);

    /** Milliseconds from the first INSERT until the reconciliation held (and until the last commit), heap bytes before and after. */
    record Figures(int rows, long reconciledMillis, long insertedMillis, long heapBefore, long heapAfter) {
        static Figures none(int rows) {
            return new Figures(rows, -1, -1, -1, -1);
        }

        long heapBytesPerRow() {
            return heapBefore < 0 ? -1 : (heapAfter - heapBefore) / rows;
        }
    }

    private BulkRows() {
    }

    /** On a clean slate with the seed connector streaming: inserts {@code rows} rows into a new table and reconciles its topic. */
    static Figures insertAndReconcile(CdcHarness cdc, int rows) {
        String table = "user.bulk_" + rows;
        String topic = "originDB." + table;
        cdc.reset();
        cdc.register(SEED);
        cdc.execute("CREATE DATABASE IF NOT EXISTS user; CREATE TABLE " + table + " (id INT PRIMARY KEY, name VARCHAR(40), qty INT)");
        long heapBefore = heapUsedAfterGc();
        long begin = System.nanoTime();
        for (int first = 1; first <= rows; first += ROWS_PER_TRANSACTION) {
            cdc.execute(transaction(table, first, Math.min(rows, first + ROWS_PER_TRANSACTION - 1)));
        }
        long inserted = System.nanoTime();
        ReconcileAssert.Outcome outcome;
        try {
            outcome = cdc.withTimeout(RECONCILE_LIMIT).reconcile(topic, table).holds(Reconciliation.Delivery.EXACTLY_ONCE);
        } catch (AssertionError | RuntimeException e) {
            System.out.println("[benchmark] " + rows + " rows did not reconcile: "
                    + String.join("\n  ", String.valueOf(e.getMessage()).lines().limit(20).toList()));
            return Figures.none(rows);
        }
        long reconciled = System.nanoTime();
        long heapAfter = heapUsedAfterGc();
        Figures figures = new Figures(rows, millis(reconciled - begin), millis(inserted - begin), heapBefore, heapAfter);
        System.out.printf(Locale.ROOT, "%,d rows: inserted in %.2f s, reconciled %.2f s after the first INSERT (%s); heap %s -> %s (%,d bytes per row)%n",
                rows, figures.insertedMillis() / 1000.0, figures.reconciledMillis() / 1000.0, outcome.line(),
                StackMemory.megabytes(heapBefore), StackMemory.megabytes(heapAfter), figures.heapBytesPerRow());
        return figures;
    }

    /** {@code BEGIN; INSERT ... VALUES (first..), ...; ... COMMIT}: rows {@code first} to {@code last}, {@value #ROWS_PER_INSERT} per INSERT. */
    private static String transaction(String table, int first, int last) {
        StringBuilder script = new StringBuilder("BEGIN;\n");
        for (int from = first; from <= last; from += ROWS_PER_INSERT) {
            script.append(insert(table, from, Math.min(last, from + ROWS_PER_INSERT - 1))).append(";\n");
        }
        return script.append("COMMIT").toString();
    }

    private static String insert(String table, int from, int to) {
        StringBuilder insert = new StringBuilder("INSERT INTO ").append(table).append(" (id, name, qty) VALUES ");
        for (int id = from; id <= to; id++) {
            insert.append(id == from ? "" : ", ").append('(').append(id).append(", 'row ").append(id).append("', ").append(id % 97).append(')');
        }
        return insert.toString();
    }

    /** Heap in use once a full collection has run: what the harness keeps, not what it has yet to collect. */
    static long heapUsedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static long millis(long nanos) {
        return Duration.ofNanos(nanos).toMillis();
    }
}
