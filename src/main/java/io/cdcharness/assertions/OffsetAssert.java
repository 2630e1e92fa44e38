package io.cdcharness.assertions;

import io.cdcharness.kafka.RecordedRecord;
import io.cdcharness.kafka.SourceOffset;
import io.cdcharness.kafka.TopicRecorder;
import io.cdcharness.sql.BinlogPosition;

import java.util.List;
import java.util.Optional;

/**
 * Assertions on the source offsets Kafka Connect stores in its offset topic for one connector.
 *
 * <pre>{@code
 * harness.offsets("my-source-connector").reach(result.binlogBefore());
 * }</pre>
 */
public final class OffsetAssert {
    private final TopicRecorder recorder;
    private final String offsetTopic;
    private final String connector;
    private final Eventually eventually;

    public OffsetAssert(TopicRecorder recorder, String offsetTopic, String connector, Eventually eventually) {
        this.recorder = recorder;
        this.offsetTopic = offsetTopic;
        this.connector = connector;
        this.eventually = eventually;
        recorder.watch(offsetTopic);
    }

    /** The newest stored offset of the connector right now (no waiting); empty when none or deleted. */
    public Optional<SourceOffset> latest() {
        List<SourceOffset> offsets = offsets();
        if (offsets.isEmpty()) {
            return Optional.empty();
        }
        SourceOffset last = offsets.get(offsets.size() - 1);
        return last.isDeleted() ? Optional.empty() : Optional.of(last);
    }

    /**
     * Waits until the stored offset shows that the connector processed the transaction (or DDL) that
     * starts at {@code statementStart}, e.g. {@code result.lastStatementStart()} of an SQL step.
     */
    public SourceOffset covers(BinlogPosition statementStart) {
        return eventually.until("the offset topic \"" + offsetTopic + "\" to store an offset of connector \"" + connector
                + "\" past the statement that starts at binlog position " + statementStart
                + " (a statement that changes nothing writes no binlog event and is never passed)", () -> {
            Optional<SourceOffset> latest = latest();
            if (latest.isPresent() && latest.get().isPast(statementStart)) {
                return Eventually.Attempt.success(latest.get());
            }
            List<SourceOffset> offsets = offsets();
            if (offsets.isEmpty()) {
                return Eventually.Attempt.failure("no offset of connector \"" + connector + "\" is stored in \"" + offsetTopic
                        + "\" yet (Connect stores offsets every offset.flush.interval.ms, and only after the connector produced records)");
            }
            StringBuilder seen = new StringBuilder("offsets of \"" + connector + "\" stored so far (newest last):");
            offsets.subList(Math.max(0, offsets.size() - 5), offsets.size())
                    .forEach(offset -> seen.append("\n- ").append(offset.describe()));
            return Eventually.Attempt.failure(seen.toString());
        });
    }

    private List<SourceOffset> offsets() {
        return recorder.records(offsetTopic).stream()
                .map(OffsetAssert::parse)
                .flatMap(Optional::stream)
                .filter(offset -> offset.connector().equals(connector))
                .toList();
    }

    private static Optional<SourceOffset> parse(RecordedRecord record) {
        return SourceOffset.of(record);
    }
}
