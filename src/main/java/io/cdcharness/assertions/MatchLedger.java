package io.cdcharness.assertions;

import io.cdcharness.kafka.RecordedRecord;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which records the checks of a scenario have matched, per topic: "no further events" is measured
 * against these, not against a record count taken at some moment (a duplicate that arrived in the same
 * fetch as the matched event would hide in such a count).
 */
public final class MatchLedger {
    private final Map<String, Map<Integer, Long>> lastMatched = new ConcurrentHashMap<>();
    private final Set<String> matched = ConcurrentHashMap.newKeySet();

    /** Notes records a check matched. */
    public void matched(List<RecordedRecord> records) {
        for (RecordedRecord record : records) {
            lastMatched.computeIfAbsent(record.topic(), topic -> new ConcurrentHashMap<>())
                    .merge(record.partition(), record.offset(), Math::max);
            matched.add(record.coordinates());
        }
    }

    /** True when a check matched this very record (topic, partition and offset). */
    public boolean wasMatched(RecordedRecord record) {
        return matched.contains(record.coordinates());
    }

    public void matched(RecordedRecord record) {
        matched(List.of(record));
    }

    /** True when some check of the scenario has matched a record of the topic. */
    public boolean hasMatched(String topic) {
        return lastMatched.containsKey(topic);
    }

    /** The records after the last one a check matched, per partition; all of them when none was matched. */
    public List<RecordedRecord> beyond(String topic, List<RecordedRecord> records) {
        Map<Integer, Long> last = lastMatched.getOrDefault(topic, Map.of());
        return records.stream().filter(record -> record.offset() > last.getOrDefault(record.partition(), -1L)).toList();
    }

    /** A sentence on what the baseline is, for messages. */
    public String describe(String topic) {
        Map<Integer, Long> last = lastMatched.get(topic);
        if (last == null) {
            return "no earlier check matched a record of topic \"" + topic + "\", so every record counts";
        }
        return "earlier checks matched records of topic \"" + topic + "\" up to offset "
                + (last.size() == 1 && last.containsKey(0) ? last.get(0) : last.toString());
    }

    /** Forgets everything (a new scenario). */
    public void clear() {
        lastMatched.clear();
        matched.clear();
    }
}
