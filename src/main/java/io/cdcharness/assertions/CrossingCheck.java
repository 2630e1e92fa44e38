package io.cdcharness.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import io.cdcharness.kafka.RecordedRecord;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Did any scenario see another's events? Every change event and schema change on a scenario's topics
 * must come from a connector of that scenario (its {@code source.name}, in the schema history
 * {@code source.server}, is one of their
 * {@code topic.prefix}es) and from a binlog written after the scenario began ({@code source.ts_ms}; the
 * binlog keeps whole seconds). With stacks shared out one scenario at a time, nothing crosses; this
 * check proves it on every scenario of a run.
 *
 * <pre>{@code
 * CrossingCheck.Result result = CrossingCheck.of(records, Set.of("shop"), scenarioBegan);
 * if (!result.foreign().isEmpty()) throw new AssertionError(result.describe());
 * }</pre>
 */
public final class CrossingCheck {

    /** What was checked and what crossed. */
    public record Result(int checked, List<String> foreign) {
        public String describe() {
            return foreign.size() + " of " + checked + " change events on this scenario's topics are not this scenario's:\n  "
                    + String.join("\n  ", foreign.subList(0, Math.min(foreign.size(), 10)))
                    + (foreign.size() > 10 ? "\n  ... and " + (foreign.size() - 10) + " more" : "")
                    + "\nAnother scenario's events reached this one: its clean slate missed something, or two scenarios shared a stack.";
        }
    }

    private CrossingCheck() {
    }

    /**
     * @param prefixes the {@code topic.prefix} of every connector the scenario registered
     * @param began    when the scenario's clean slate ended; empty to skip the time check (someone's cluster, whose clock is not ours)
     */
    public static Result of(Collection<RecordedRecord> records, Set<String> prefixes, Optional<Instant> began) {
        long earliest = began.map(instant -> instant.truncatedTo(ChronoUnit.SECONDS).minusSeconds(1).toEpochMilli()).orElse(Long.MIN_VALUE);
        int checked = 0;
        List<String> foreign = new ArrayList<>();
        for (RecordedRecord record : records) {
            if (record.kind() != RecordedRecord.Kind.CHANGE_EVENT && record.kind() != RecordedRecord.Kind.SCHEMA_CHANGE) {
                continue;
            }
            JsonNode source = record.valueJson() == null ? null : record.valueJson().get("source");
            if (source == null || !source.isObject()) {
                continue; // flattened by an SMT: nothing says where it came from
            }
            checked++;
            String name = source.has("name") ? source.path("name").asText("") : source.path("server").asText(""); // the schema history says server
            long written = source.path("ts_ms").asLong(0);
            if (!prefixes.contains(name)) {
                foreign.add(record.topic() + " " + record.where() + ": written by a connector with topic.prefix \"" + name + "\", which no connector of this scenario has "
                        + prefixes);
            } else if (written > 0 && written < earliest) { // 0: no time (older Debezium's snapshot records)
                foreign.add(record.topic() + " " + record.where() + ": written to the binlog at " + Instant.ofEpochMilli(written) + ", before this scenario began ("
                        + Instant.ofEpochMilli(earliest + 1000) + ")");
            }
        }
        return new Result(checked, foreign);
    }
}
