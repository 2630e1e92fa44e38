package io.cdcharness.assertions;

import io.cdcharness.kafka.ChangeEvent;
import io.cdcharness.kafka.RecordedRecord;
import io.cdcharness.kafka.TopicRecorder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Failure texts about what a topic holds: the last events with their differences from what was
 * expected, the closest event to an expectation that nothing matched, duplicates, paths that do not
 * exist, and events that match but sit on another topic. Pure text: unit tests pin it without servers.
 */
final class EventListing {
    static final int SHOWN = 10;

    private EventListing() {
    }

    /**
     * The events (the last {@value #SHOWN}), each with its differences from {@code expectation}.
     *
     * @param subject what holds them, e.g. {@code topic "shop.shop.orders"}
     */
    static String of(String subject, List<ChangeEvent> events, EventExpectation expectation) {
        if (events.isEmpty()) {
            return subject + " has no records";
        }
        StringBuilder text = new StringBuilder(subject + " holds " + events.size()
                + (events.size() == 1 ? " record" : " records") + (events.size() > SHOWN ? " (the last " + SHOWN + " shown)" : "") + ":");
        int from = Math.max(0, events.size() - SHOWN);
        for (int i = from; i < events.size(); i++) {
            ChangeEvent event = events.get(i);
            text.append("\n#").append(i).append(' ').append(event.describe());
            expectation.mismatches(event).forEach(problem -> text.append("\n     ").append(problem));
        }
        appendPathHints(text, events, List.of(expectation));
        return text.toString();
    }

    /** Sentences about unknown paths; appended when some path of the expectations no event has. */
    static void appendPathHints(StringBuilder text, List<ChangeEvent> events, List<EventExpectation> expectations) {
        List<String> unknown = expectations.stream().flatMap(expectation -> expectation.unknownPaths(events).stream()).distinct().toList();
        if (!unknown.isEmpty()) {
            text.append("\nNo event has the path ").append(String.join(", ", unknown))
                    .append(". Paths the events do have: ").append(EventExpectation.knownPaths(events));
        }
    }

    /** The event with the fewest differences from the expectation, with those differences; empty for no events. */
    static String closest(List<ChangeEvent> events, EventExpectation expectation) {
        return events.stream().min(Comparator.comparingInt(event -> expectation.mismatches(event).size()))
                .map(event -> "closest: #" + events.indexOf(event) + " " + event.describe() + "\n     "
                        + String.join("\n     ", expectation.mismatches(event)))
                .orElse("");
    }

    /** "2 creates of key {"id":10}, at offsets 3 and 4", one line per group; empty when there is none. */
    static String duplicates(List<ChangeEvent> events) {
        List<String> groups = Duplicates.describe(events);
        return groups.isEmpty() ? "" : "duplicates: " + String.join("; ", groups);
    }

    /** Events matching the expectation on other topics the harness reads (a misrouted record). */
    static List<String> elsewhere(TopicRecorder recorder, String topic, EventExpectation expectation) {
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, Integer> other : recorder.counts().entrySet()) {
            if (other.getKey().equals(topic) || other.getValue() == 0) {
                continue;
            }
            for (RecordedRecord record : recorder.records(other.getKey())) {
                ChangeEvent event = ChangeEvent.of(record);
                if (!expectation.fields().isEmpty() && expectation.matches(event)) {
                    found.add("a matching record is on topic \"" + other.getKey() + "\" at " + record.where() + ": " + event.describe());
                    break;
                }
            }
        }
        return found;
    }
}
