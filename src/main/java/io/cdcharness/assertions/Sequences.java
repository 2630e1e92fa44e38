package io.cdcharness.assertions;

import io.cdcharness.kafka.ChangeEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * Judges an exact, ordered sequence of events against its expectations and says what is wrong in the
 * words of the pipeline: a missing event, a changed field, an extra one, a duplicate, or an event that
 * is there but out of order.
 */
final class Sequences {
    private Sequences() {
    }

    /**
     * PASS when the events are exactly the expected ones in order; NEVER when the events already there
     * differ (more records cannot fix that); NOT_YET when events are missing at the end.
     */
    static Judgement<List<ChangeEvent>> judgeExact(List<EventExpectation> expected, List<ChangeEvent> events, String what) {
        List<String> differences = new ArrayList<>();
        boolean definite = false;
        for (int i = 0; i < Math.min(expected.size(), events.size()); i++) {
            List<String> mismatches = expected.get(i).mismatches(events.get(i));
            if (!mismatches.isEmpty()) {
                definite = true;
                StringBuilder line = new StringBuilder("#" + i + " " + String.join("; ", mismatches));
                int elsewhere = indexOfMatch(expected.get(i), events, i);
                if (elsewhere >= 0) {
                    line.append(" (the event expected here is #").append(elsewhere).append(": out of order)");
                }
                differences.add(line.toString());
            }
        }
        for (int i = events.size(); i < expected.size(); i++) {
            differences.add("#" + i + " missing: " + expected.get(i));
        }
        if (events.size() > expected.size()) {
            definite = true;
            List<ChangeEvent> extra = events.subList(expected.size(), events.size());
            differences.add(extra.size() + (extra.size() == 1 ? " more event" : " more events") + " than expected, from #" + expected.size());
        }
        if (differences.isEmpty()) {
            return Judgement.pass(events);
        }
        String duplicates = EventListing.duplicates(events);
        String problem = summary(expected.size(), events.size()) + (duplicates.isEmpty() ? "" : " (" + duplicates + ")");
        String seen = EventListing.of(what, events, EventExpectation.any())
                + "\nDifferences:\n- " + String.join("\n- ", differences);
        return definite ? Judgement.never(problem, seen) : Judgement.notYet(problem, seen);
    }

    private static String summary(int expected, int actual) {
        String events = actual + (actual == 1 ? " event" : " events");
        return actual == expected ? "the " + events + " there differ from the expected ones"
                : "there " + (actual == 1 ? "is " : "are ") + events + " where " + expected + " " + (expected == 1 ? "was" : "were") + " expected";
    }

    private static int indexOfMatch(EventExpectation expectation, List<ChangeEvent> events, int except) {
        for (int j = 0; j < events.size(); j++) {
            if (j != except && expectation.matches(events.get(j))) {
                return j;
            }
        }
        return -1;
    }
}
