package io.cdcharness.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import io.cdcharness.connect.ConnectClient;
import io.cdcharness.kafka.SourceOffset;
import io.cdcharness.kafka.StoredOffsets;
import io.cdcharness.kafka.TopicRecorder;
import io.cdcharness.sql.BinlogPosition;

import java.util.List;
import java.util.Optional;

/**
 * Checks of the source offsets Kafka Connect stores for one connector, read from its offset topic.
 *
 * <pre>{@code
 * SourceOffset before = harness.offsets("shop-connector").covers(first.lastStatementStart());
 * harness.offsets("shop-connector").advancesPast(second.lastStatementStart(), before);
 * }</pre>
 */
public final class OffsetAssert {
    private final TopicRecorder recorder;
    private final ConnectClient connect;
    private final String offsetTopic;
    private final String connector;
    private final Eventually eventually;

    public OffsetAssert(TopicRecorder recorder, ConnectClient connect, String offsetTopic, String connector, Eventually eventually) {
        this.recorder = recorder;
        this.connect = connect;
        this.offsetTopic = offsetTopic;
        this.connector = connector;
        this.eventually = eventually;
        recorder.watch(offsetTopic);
    }

    /** The newest stored offset of the connector right now (no waiting); empty when none or deleted. */
    public Optional<SourceOffset> latest() {
        return StoredOffsets.latest(recorder.records(offsetTopic), connector);
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
            return Eventually.Attempt.failure(storedSoFar());
        });
    }

    /** Waits until the stored offset covers {@code statementStart} and is further than {@code noted}. */
    public SourceOffset advancesPast(BinlogPosition statementStart, SourceOffset noted) {
        SourceOffset offset = covers(statementStart);
        if (offset.compareProgress(noted) <= 0) {
            throw new AssertionError("Expected the stored offset of connector \"" + connector + "\" to advance past the one noted before ("
                    + noted.describe() + "), but it is " + offset.describe() + ".");
        }
        return offset;
    }

    /** Waits until {@code GET /connectors/{name}/offsets} reports a binlog file and position; returns that entry. */
    public JsonNode reportedByConnect() {
        return eventually.until("GET /connectors/" + connector + "/offsets to report a binlog file and position", () -> {
            JsonNode offsets = connect.offsets(connector);
            for (JsonNode entry : offsets.path("offsets")) {
                if (entry.path("offset").has("file") && entry.path("offset").has("pos")) {
                    return Eventually.Attempt.success(entry);
                }
            }
            return Eventually.Attempt.failure("Connect answered " + offsets);
        });
    }

    private String storedSoFar() {
        List<SourceOffset> offsets = StoredOffsets.all(recorder.records(offsetTopic), connector);
        if (offsets.isEmpty()) {
            return "no offset of connector \"" + connector + "\" is stored in \"" + offsetTopic
                    + "\" yet (Connect stores offsets every offset.flush.interval.ms, and only after the connector produced records)";
        }
        StringBuilder seen = new StringBuilder("offsets of \"" + connector + "\" stored so far (newest last):");
        offsets.subList(Math.max(0, offsets.size() - 5), offsets.size()).forEach(offset -> seen.append("\n- ").append(offset.describe()));
        return seen.toString();
    }
}
