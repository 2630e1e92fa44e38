package io.cdcharness.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import io.cdcharness.kafka.ChangeEvent;
import io.cdcharness.kafka.RecordedRecord;
import io.cdcharness.kafka.SourceOffset;
import io.cdcharness.kafka.TopicRecorder;
import io.cdcharness.sql.BinlogPosition;
import io.cdcharness.sql.Database;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Judges where a connector picked up after its Connect worker went down and came back, against binlog
 * positions: at-least-once means it resumes at or before its stored offset, so the first change event
 * after the restart lies at or before the first row change the binlog holds after that offset (for the
 * tables the connector captures). Later would mean the changes in between were skipped.
 *
 * <pre>{@code
 * new ResumeAssert(recorder, database::binlogEvents).resumedAtOrBefore("shop-connector", storedWhenKilled, countsWhenKilled);
 * }</pre>
 */
public final class ResumeAssert {
    private static final int SCANNED = 5000;

    private final TopicRecorder recorder;
    private final BiFunction<BinlogPosition, Integer, List<Database.BinlogEvent>> binlog;

    public ResumeAssert(TopicRecorder recorder, BiFunction<BinlogPosition, Integer, List<Database.BinlogEvent>> binlog) {
        this.recorder = recorder;
        this.binlog = binlog;
    }

    /**
     * @param stored the connector's stored offset when the worker went down (empty: none was stored)
     * @param counts its topics' record counts then: records after them came after the restart
     */
    public void resumedAtOrBefore(String connector, Optional<SourceOffset> stored, Map<String, Integer> counts) {
        Optional<BinlogPosition> from = stored.flatMap(SourceOffset::binlogPosition);
        if (from.isEmpty()) {
            throw new AssertionError("Expected connector \"" + connector + "\" to resume at or before its stored offset, but it had stored none when "
                    + "the Connect worker went down, so it started over (snapshot.mode decides from where).");
        }
        List<ChangeEvent> before = new ArrayList<>();
        List<ChangeEvent> after = new ArrayList<>();
        for (Map.Entry<String, Integer> topic : counts.entrySet()) {
            List<RecordedRecord> records = recorder.records(topic.getKey());
            for (int i = 0; i < records.size(); i++) {
                ChangeEvent event = ChangeEvent.of(records.get(i));
                if (records.get(i).kind() == RecordedRecord.Kind.CHANGE_EVENT && position(event).isPresent()) {
                    (i < topic.getValue() ? before : after).add(event);
                }
            }
        }
        Set<String> captured = new HashSet<>();
        before.forEach(event -> captured.add(event.source().path("db").asText() + "." + event.source().path("table").asText()));
        after.forEach(event -> captured.add(event.source().path("db").asText() + "." + event.source().path("table").asText()));
        Optional<BinlogPosition> nextChange = firstRowChange(from.get(), captured);
        Optional<ChangeEvent> first = after.stream().min(Comparator.comparing(event -> position(event).orElseThrow()));
        String where = "stored offset " + stored.get().describe() + "; first row change after it in the binlog: "
                + nextChange.map(Object::toString).orElse("none") + "; first event after the restart: "
                + first.map(event -> position(event).orElseThrow() + " " + event.describe()).orElse("none");
        if (first.isEmpty()) {
            if (nextChange.isPresent()) {
                throw new AssertionError("Expected connector \"" + connector + "\" to resume at or before its stored offset, but no change event "
                        + "arrived after the restart although the binlog has a change of a captured table at " + nextChange.get() + " (" + where + ").");
            }
            return; // nothing was written after the stored offset: nothing to replay
        }
        BinlogPosition resumed = position(first.get()).orElseThrow();
        if (nextChange.isPresent() && resumed.compareTo(nextChange.get()) > 0) {
            throw new AssertionError("Expected connector \"" + connector + "\" to resume at or before its stored offset, but the first event after "
                    + "the restart is at " + resumed + ", after the binlog's next change of a captured table at " + nextChange.get()
                    + ": the changes between were skipped (" + where + ").");
        }
    }

    private Optional<BinlogPosition> firstRowChange(BinlogPosition from, Set<String> captured) {
        String table = null;
        for (Database.BinlogEvent event : binlog.apply(from, SCANNED)) {
            Optional<String> mapped = event.mappedTable();
            if (mapped.isPresent()) {
                table = mapped.get();
            } else if (event.isRowChange() && (captured.isEmpty() || captured.contains(table))) {
                return Optional.of(event.position());
            }
        }
        return Optional.empty();
    }

    private static Optional<BinlogPosition> position(ChangeEvent event) {
        JsonNode source = event.source();
        if (!source.hasNonNull("file") || !source.hasNonNull("pos") || "r".equals(event.op())) {
            return Optional.empty();
        }
        return Optional.of(new BinlogPosition(source.get("file").asText(), source.get("pos").asLong()));
    }
}
