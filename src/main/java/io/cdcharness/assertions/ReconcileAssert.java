package io.cdcharness.assertions;

import io.cdcharness.kafka.ChangeEvent;
import io.cdcharness.sql.LoadWriter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reconciles a topic with its table once the pipeline has settled: the topic's events, folded per key,
 * must describe the table as it is, with the delivery guarantee named (at-least-once allows duplicates
 * and counts them; exactly-once allows none). With a background writer, its log of confirmed writes is
 * the count of rows written, and the writes it could not confirm are decided by the table.
 *
 * <pre>{@code
 * cdc.reconcile("shop.shop.load", "shop.load").holds(Reconciliation.Delivery.AT_LEAST_ONCE);
 * // "1,204 writes, 0 lost, 37 duplicated, 0 out of order (connect killed at 09:12:03.412, streaming again after 3.1 s)"
 * }</pre>
 */
public final class ReconcileAssert {
    private final CheckContext context;
    private final String topic;
    private final String table;
    private final String keyColumn;
    private final Supplier<Map<String, Map<String, String>>> rows;
    private final Optional<LoadWriter> writer;
    private final Supplier<String> faults;

    /**
     * @param rows   reads the table: key text to its columns as text
     * @param faults what the scenario did to the pipeline, for the outcome line (empty when nothing)
     */
    public ReconcileAssert(CheckContext context, String topic, String table, String keyColumn,
                           Supplier<Map<String, Map<String, String>>> rows, Optional<LoadWriter> writer, Supplier<String> faults) {
        this.context = context;
        this.topic = topic;
        this.table = table;
        this.keyColumn = keyColumn;
        this.rows = rows;
        this.writer = writer;
        this.faults = faults;
    }

    /** Passes when the guarantee holds; returns the outcome (its {@link #line} goes to the run log and the report). */
    public Outcome holds(Reconciliation.Delivery delivery) {
        Map<String, Map<String, String>> truth = tableAtRest();
        String expectation = "topic \"" + topic + "\" to reconcile with table " + table + " under " + delivery.word() + " delivery";
        Reconciliation.Result result = SettledCheck.run(context, expectation, false, List.of(topic), () -> {
            Reconciliation.Result found = compare(truth);
            List<String> violations = found.violations(delivery);
            if (violations.isEmpty()) {
                return Judgement.pass(found);
            }
            String problem = "the topic does not describe the table: " + found.line();
            String seen = "- " + String.join("\n- ", violations) + writerNote();
            boolean duplicatesOnly = found.lost().isEmpty() && found.unexpected().isEmpty() && found.stale().isEmpty() && found.outOfOrder().isEmpty();
            return duplicatesOnly || !found.outOfOrder().isEmpty() ? Judgement.never(problem, seen) : Judgement.notYet(problem, seen);
        });
        return new Outcome(delivery, result, line(result));
    }

    /**
     * Passes when, once the pipeline has caught up with the binlog, rows of the table are missing from the
     * topic. It pins a known loss (a Debezium bug a scenario documents), so that the scenario fails, and
     * says why, on the day the loss stops. Returns the outcome line.
     */
    public String losesRows() {
        Map<String, Map<String, String>> truth = tableAtRest();
        String expectation = "topic \"" + topic + "\" to miss rows of table " + table + " (the known loss this scenario pins)";
        Reconciliation.Result result = SettledCheck.run(context, expectation, false, List.of(topic), () -> {
            Reconciliation.Result found = compare(truth);
            if (found.lost().isEmpty()) {
                return Judgement.notYet("no row of the table is missing from the topic: " + found.line() + ". The loss this scenario pins "
                        + "did not happen; if it is fixed for good, turn the step into \"reconciles with table ... under exactly-once delivery\"", "");
            }
            if (found.lost().size() == found.rows()) {
                return Judgement.notYet("every row of the table is missing from the topic: " + found.line() + ". That is a table the "
                        + "connector does not capture, or a pipeline that does not run, not the partial loss this step pins", "");
            }
            return Judgement.pass(found);
        });
        return line(result);
    }

    private Map<String, Map<String, String>> tableAtRest() {
        writer.filter(LoadWriter::isRunning).ifPresent(running -> {
            throw new IllegalStateException("The background writer on " + running.table() + " is still writing, so the table keeps changing "
                    + "under the reconciliation. Stop it first: When I stop the background writer");
        });
        return rows.get();
    }

    private Reconciliation.Result compare(Map<String, Map<String, String>> truth) {
        List<ChangeEvent> events = context.recorder().records(topic).stream().map(ChangeEvent::of).toList();
        return Reconciliation.of(events, keyColumn, truth, writer.map(w -> List.of(w.textColumn())).orElse(List.of()));
    }

    /** What a reconciliation found, and the one line that says it. */
    public record Outcome(Reconciliation.Delivery delivery, Reconciliation.Result result, String line) {
    }

    private String line(Reconciliation.Result result) {
        StringBuilder line = new StringBuilder();
        writer.ifPresentOrElse(w -> line.append(String.format(Locale.ROOT, "%,d rows written", w.summary().writes())),
                () -> line.append(String.format(Locale.ROOT, "%,d rows", result.rows())));
        line.append(String.format(Locale.ROOT, ", %,d lost, %,d duplicated", result.lost().size(), result.duplicatedEvents()));
        if (!result.outOfOrder().isEmpty()) {
            line.append(String.format(Locale.ROOT, ", %,d keys out of order", result.outOfOrder().size()));
        }
        String done = faults.get();
        if (!done.isBlank()) {
            line.append(" (").append(done).append(')');
        }
        return line.toString();
    }

    private String writerNote() {
        if (writer.isEmpty()) {
            return "";
        }
        List<String> notes = new ArrayList<>();
        notes.add("the writer: " + writer.get().summary().describe());
        List<String> uncertain = writer.get().uncertain();
        if (!uncertain.isEmpty()) {
            notes.add("writes of unknown outcome (the table decided them): " + String.join("; ", uncertain.subList(0, Math.min(5, uncertain.size()))));
        }
        return "\n" + String.join("\n", notes);
    }

    /** Reads a table as key text to column values as text, for a reconciliation. */
    public static Map<String, Map<String, String>> rowsOf(List<Map<String, Object>> queried, String keyColumn) {
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (Map<String, Object> row : queried) {
            Map<String, String> values = new LinkedHashMap<>();
            row.forEach((column, value) -> values.put(column, value == null ? null : value.toString()));
            Object key = row.get(keyColumn);
            if (key == null) {
                throw new IllegalArgumentException("The table has no column " + keyColumn + " (its columns: " + row.keySet()
                        + "); name the primary key column the events are keyed by.");
            }
            rows.put(key.toString(), values);
        }
        return rows;
    }
}
