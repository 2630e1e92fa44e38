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
        List<Database.BinlogEvent> binlogEvents = binlog.apply(from.get(), SCANNED);
        Optional<BinlogPosition> nextTransaction = nextCapturedTransaction(binlogEvents, from.get(), captured);
        Optional<ChangeEvent> first = after.stream().min(Comparator.comparing(event -> position(event).orElseThrow()));
        String where = "stored offset " + stored.get().describe() + "; the next transaction after it that changes a captured table starts at "
                + nextTransaction.map(Object::toString).orElse("(none)") + "; first event after the restart: "
                + first.map(event -> position(event).orElseThrow() + " " + event.describe()).orElse("none");
        if (first.isEmpty()) {
            if (nextTransaction.isPresent()) {
                throw new AssertionError("Expected connector \"" + connector + "\" to resume at or before its stored offset, but no change event "
                        + "arrived after the restart although the binlog has a transaction on a captured table at " + nextTransaction.get() + " (" + where + ").");
            }
            return; // nothing was written after the stored offset: nothing to replay
        }
        BinlogPosition resumed = position(first.get()).orElseThrow();
        BinlogPosition resumedTransaction = transactionOf(binlogEvents, resumed, from.get());
        if (nextTransaction.isPresent() && resumedTransaction.compareTo(nextTransaction.get()) > 0) {
            throw new AssertionError("Expected connector \"" + connector + "\" to resume at or before its stored offset, but the first event after "
                    + "the restart belongs to the transaction at " + resumedTransaction + ", after the binlog's next transaction on a captured table at "
                    + nextTransaction.get() + ": the changes between were skipped (" + where + ").");
        }
    }

    /** The start of the first transaction after the stored one (which starts at {@code from}) that changes a captured table. */
    private static Optional<BinlogPosition> nextCapturedTransaction(List<Database.BinlogEvent> events, BinlogPosition from, Set<String> captured) {
        BinlogPosition transaction = from;
        String table = null;
        boolean inStored = true; // the stored offset may point at the GTID event before its transaction's BEGIN
        for (Database.BinlogEvent event : events) {
            if (event.beginsTransaction()) {
                transaction = inStored ? from : event.position();
                inStored = false;
            } else if (event.isRowChange() || event.type().equals("Xid")) {
                inStored = false;
            }
            Optional<String> mapped = event.mappedTable();
            if (mapped.isPresent()) {
                table = mapped.get();
            } else if (event.isRowChange() && transaction.compareTo(from) > 0 && (captured.isEmpty() || captured.contains(table))) {
                return Optional.of(transaction);
            }
        }
        return Optional.empty();
    }

    /** The start of the transaction a position lies in: the last transaction start at or before it (the stored one when none). */
    private static BinlogPosition transactionOf(List<Database.BinlogEvent> events, BinlogPosition position, BinlogPosition from) {
        BinlogPosition transaction = from;
        boolean inStored = true;
        for (Database.BinlogEvent event : events) {
            if (event.position().compareTo(position) > 0) {
                break;
            }
            if (event.beginsTransaction()) {
                transaction = inStored ? from : event.position();
                inStored = false;
            } else if (event.isRowChange() || event.type().equals("Xid")) {
                inStored = false;
            }
        }
        return position.compareTo(from) < 0 ? position : transaction;
    }

    private static Optional<BinlogPosition> position(ChangeEvent event) {
        JsonNode source = event.source();
        if (!source.hasNonNull("file") || !source.hasNonNull("pos") || "r".equals(event.op())) {
            return Optional.empty();
        }
        return Optional.of(new BinlogPosition(source.get("file").asText(), source.get("pos").asLong()));
    }
}
