package io.cdcharness.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The source offsets one connector has stored in Connect's offset topic, read from the records the
 * recorder holds for that topic.
 *
 * <pre>{@code
 * Optional<SourceOffset> latest = StoredOffsets.latest(recorder.records("my-source-connector-offset"), "shop-connector");
 * }</pre>
 */
public final class StoredOffsets {
    private StoredOffsets() {
    }

    /** The connector's newest stored offset; empty when none is stored or the newest is a deletion (tombstone). */
    public static Optional<SourceOffset> latest(List<RecordedRecord> offsetTopic, String connector) {
        for (int i = offsetTopic.size() - 1; i >= 0; i--) {
            Optional<SourceOffset> offset = SourceOffset.of(offsetTopic.get(i)).filter(candidate -> candidate.connector().equals(connector));
            if (offset.isPresent()) {
                return offset.get().isDeleted() ? Optional.empty() : offset;
            }
        }
        return Optional.empty();
    }

    /** Every stored offset of the connector, oldest first, deletions included. */
    public static List<SourceOffset> all(List<RecordedRecord> offsetTopic, String connector) {
        List<SourceOffset> offsets = new ArrayList<>();
        for (RecordedRecord record : offsetTopic) {
            SourceOffset.of(record).filter(offset -> offset.connector().equals(connector)).ifPresent(offsets::add);
        }
        return offsets;
    }
}
