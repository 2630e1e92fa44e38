package io.cdcharness.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import io.cdcharness.kafka.RecordedRecord;
import io.cdcharness.report.ScenarioSummary;
import io.cdcharness.sql.BinlogPosition;
import io.cdcharness.sql.Database;
import io.cdcharness.stack.Secrets;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns what a scenario did into the report's view of it: statements on a time axis, each change event
 * linked to the statement whose binlog range holds its {@code source.file}/{@code source.pos}, and the
 * latency from the statement's return (its commit, for autocommit statements) to the Kafka timestamp
 * of the event.
 */
final class Summaries {
    private Summaries() {
    }

    static ScenarioSummary build(ScenarioRun run, String status, Throwable failure, Snapshot snapshot, String evidenceLink,
                                 List<String> evidenceCuts) {
        long startMillis = run.started().toEpochMilli();
        List<Database.StatementRun> statements = run.statements();
        List<ScenarioSummary.Statement> statementPoints = new ArrayList<>();
        List<String> cut = new ArrayList<>(evidenceCuts);
        for (int i = 0; i < statements.size() && i < ScenarioSummary.MAX_STATEMENTS; i++) {
            Database.StatementRun statement = statements.get(i);
            statementPoints.add(new ScenarioSummary.Statement(i + 1, Secrets.scrub(abbreviate(statement.text(), 300)),
                    statement.started().toEpochMilli() - startMillis, Duration.between(statement.started(), statement.finished()).toMillis(),
                    statement.before() == null ? null : statement.before().toString(),
                    statement.after() == null ? null : statement.after().toString(), statement.failed()));
        }
        if (statements.size() > ScenarioSummary.MAX_STATEMENTS || run.statementsNotKept() > 0) {
            cut.add("the timeline shows the first " + statementPoints.size() + " of "
                    + (statements.size() + run.statementsNotKept()) + " statements");
        }

        List<ScenarioSummary.Event> events = new ArrayList<>();
        List<ScenarioSummary.TopicStats> topics = new ArrayList<>();
        int total = 0;
        for (Map.Entry<String, List<RecordedRecord>> topic : snapshot.topics.entrySet()) {
            long bytes = 0;
            int min = Integer.MAX_VALUE;
            int max = 0;
            for (RecordedRecord record : topic.getValue()) {
                int size = record.serializedSize();
                bytes += size;
                min = Math.min(min, size);
                max = Math.max(max, size);
                total++;
                if (events.size() < ScenarioSummary.MAX_EVENTS) {
                    events.add(event(record, statements, startMillis, size));
                }
            }
            topics.add(new ScenarioSummary.TopicStats(topic.getKey(), topic.getValue().size(), bytes,
                    topic.getValue().isEmpty() ? 0 : min, max));
        }
        if (total > events.size()) {
            cut.add("the timeline shows the first " + events.size() + " of " + total + " records");
        }
        List<ScenarioSummary.Mark> marks = run.marks().stream()
                .map(mark -> new ScenarioSummary.Mark(mark.at().toEpochMilli() - startMillis, mark.kind(), Secrets.scrub(mark.text())))
                .toList();
        String message = failure == null ? null : Secrets.scrub(firstLines(String.valueOf(failure.getMessage()), 40));
        return new ScenarioSummary(run.name(), run.location(), run.kind(), status, run.started(),
                snapshot.at.toEpochMilli() - startMillis, message, evidenceLink, statementPoints, events, topics, marks,
                List.copyOf(snapshot.positionLines), cut);
    }

    private static ScenarioSummary.Event event(RecordedRecord record, List<Database.StatementRun> statements, long startMillis, int size) {
        JsonNode value = record.valueJson();
        String op = switch (record.kind()) {
            case CHANGE_EVENT -> value.path("op").asText("?");
            case TOMBSTONE -> "tombstone";
            case SCHEMA_CHANGE -> "ddl";
            case TRANSACTION -> "tx " + value.path("status").asText("").toLowerCase(java.util.Locale.ROOT);
            case OTHER -> value != null && value.has("__op") ? value.path("__op").asText() : "record";
        };
        BinlogPosition position = position(value);
        int statement = 0;
        long latency = -1;
        long debeziumLatency = -1;
        // A snapshot record carries the snapshot's binlog position, not the position of the statement that made the row.
        boolean snapshot = value != null && !value.path("source").path("snapshot").asText("false").equals("false");
        if (position != null && !snapshot) {
            for (int i = 0; i < statements.size(); i++) {
                Database.StatementRun run = statements.get(i);
                if (run.before() != null && run.after() != null && position.isAtOrAfter(run.before()) && position.compareTo(run.after()) < 0
                        && record.timestamp() >= run.started().toEpochMilli()) {
                    statement = i + 1;
                    latency = record.timestamp() - run.finished().toEpochMilli();
                    if (value.hasNonNull("ts_ms")) {
                        debeziumLatency = value.path("ts_ms").asLong() - run.finished().toEpochMilli();
                    }
                    break;
                }
            }
        }
        return new ScenarioSummary.Event(record.topic(), record.offset(), op, record.timestamp() - startMillis, statement,
                latency, debeziumLatency, size, position == null ? null : position.toString());
    }

    /** The binlog position a change event or schema change says it comes from. */
    static BinlogPosition position(JsonNode value) {
        if (value == null) {
            return null;
        }
        JsonNode source = value.path("source");
        if (source.hasNonNull("file") && source.hasNonNull("pos") && !source.path("file").asText().isEmpty()) {
            return new BinlogPosition(source.path("file").asText(), source.path("pos").asLong());
        }
        return null;
    }

    private static String abbreviate(String text, int length) {
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() <= length ? flat : flat.substring(0, length) + "...";
    }

    private static String firstLines(String text, int lines) {
        List<String> all = text.lines().toList();
        return all.size() <= lines ? text : String.join("\n", all.subList(0, lines)) + "\n... (" + (all.size() - lines) + " more lines)";
    }
}
