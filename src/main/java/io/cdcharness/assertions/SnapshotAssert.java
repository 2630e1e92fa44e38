package io.cdcharness.assertions;

import io.cdcharness.kafka.ChangeEvent;
import io.cdcharness.kafka.RecordedRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks of the initial snapshot across every topic the harness reads: Debezium marks the snapshot's
 * very last record {@code source.snapshot = last}. Judged once the pipeline has caught up.
 *
 * <pre>{@code
 * cdc.snapshot().lastRecordIs("shop.shop.orders", EventExpectation.op("r").with("after.id", "12"));
 * }</pre>
 */
public final class SnapshotAssert {
    private final CheckContext context;

    public SnapshotAssert(CheckContext context) {
        this.context = context;
    }

    /** Exactly one record, across all topics, is marked {@code source.snapshot=last}; it is on this topic and matches. */
    public ChangeEvent lastRecordIs(String topic, EventExpectation expectation) {
        ChangeEvent last = SettledCheck.run(context, "the last snapshot record, across all topics, to be on topic \"" + topic + "\" with "
                + expectation, false, List.of(topic), () -> {
            List<ChangeEvent> marked = new ArrayList<>();
            Map<String, Integer> snapshotRecords = new TreeMap<>();
            for (String name : context.recorder().counts().keySet()) {
                for (RecordedRecord record : context.recorder().records(name)) {
                    ChangeEvent event = ChangeEvent.of(record);
                    if (record.kind() == RecordedRecord.Kind.CHANGE_EVENT && "r".equals(event.op())) {
                        snapshotRecords.merge(name, 1, Integer::sum);
                    }
                    if (record.kind() == RecordedRecord.Kind.CHANGE_EVENT && "last".equals(event.source().path("snapshot").asText())) {
                        marked.add(event);
                    }
                }
            }
            String seen = "snapshot records (op r) per topic: " + snapshotRecords + "\nmarked last: "
                    + (marked.isEmpty() ? "none" : String.join("\n  ", marked.stream().map(event -> "topic \"" + event.record().topic() + "\" "
                    + event.describe()).toList()));
            if (marked.isEmpty()) {
                return Judgement.notYet("no record is marked source.snapshot=last", seen);
            }
            if (marked.size() > 1) {
                return Judgement.never(marked.size() + " records are marked source.snapshot=last", seen);
            }
            ChangeEvent only = marked.get(0);
            if (!only.record().topic().equals(topic)) {
                return Judgement.never("it is on topic \"" + only.record().topic() + "\"", seen);
            }
            List<String> mismatches = expectation.mismatches(only);
            if (mismatches.isEmpty()) {
                return Judgement.pass(only);
            }
            StringBuilder evidence = new StringBuilder(seen);
            EventListing.appendPathHints(evidence, List.of(only), List.of(expectation));
            return Judgement.never("it differs: " + String.join("; ", mismatches), evidence.toString());
        });
        context.ledger().matched(last.record());
        return last;
    }
}
