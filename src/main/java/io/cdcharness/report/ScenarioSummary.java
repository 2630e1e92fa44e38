package io.cdcharness.report;

import java.time.Instant;
import java.util.List;

/**
 * What the CDC report shows of one scenario or test: its outcome, its timeline (each SQL statement and
 * the events it caused, with commit-to-event latency), what each topic held, and, for a failure, where
 * the pipeline stood when the check gave up and where its evidence is. Every text is already masked.
 *
 * @param name         the scenario's name or the test's display name
 * @param location     {@code features/shop.feature:12} or {@code com.example.ShopTest#method}
 * @param kind         {@code scenario} or {@code test}
 * @param status       PASSED, FAILED, SKIPPED or ABORTED
 * @param started      when it began
 * @param durationMs   how long it ran
 * @param failure      the failure message (first lines), or null
 * @param evidence     the evidence folder relative to the report, or null when none was kept
 * @param statements   SQL statements in order (at most {@link #MAX_STATEMENTS})
 * @param events       records the scenario's topics received (at most {@link #MAX_EVENTS})
 * @param topics       per-topic counts and sizes
 * @param marks        faults and notes on the timeline
 * @param gaveUp       where the binlog and each connector's stored offset stood at the failure; empty otherwise
 * @param cut          what was left out of this summary, one line each
 */
public record ScenarioSummary(String name, String location, String kind, String status, Instant started, long durationMs,
                              String failure, String evidence, List<Statement> statements, List<Event> events,
                              List<TopicStats> topics, List<Mark> marks, List<String> gaveUp, List<String> cut) {
    public static final int MAX_STATEMENTS = 200;
    public static final int MAX_EVENTS = 1000;

    /**
     * One statement: its number in the scenario, text, start (ms after the scenario began), how long it
     * took, and the binlog positions around it ({@code null} when not read).
     */
    public record Statement(int number, String text, long atMs, long tookMs, String binlogBefore, String binlogAfter, boolean failed) {
    }

    /**
     * One record on a topic: when Kafka stamped it (ms after the scenario began), the statement that
     * caused it (its number, or 0 when it cannot be told: snapshot records, records without a binlog
     * position), the commit-to-event latency to the record's Kafka timestamp, and to Debezium's own
     * {@code ts_ms} (when it read the change; -1 when unknown).
     */
    public record Event(String topic, long offset, String op, long atMs, int statement, long latencyMs, long debeziumLatencyMs,
                        int bytes, String binlog) {
    }

    /** One topic's records: how many, and their serialized sizes (key, value and headers). */
    public record TopicStats(String topic, int records, long bytes, int minBytes, int maxBytes) {
        public long averageBytes() {
            return records == 0 ? 0 : bytes / records;
        }
    }

    /** A fault or note at a point of the timeline. */
    public record Mark(long atMs, String kind, String text) {
    }

    public boolean failed() {
        return "FAILED".equals(status);
    }
}
