package io.cdcharness.assertions;

import io.cdcharness.kafka.ChangeEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * Judges an exact, ordered sequence of events against its expectations and says what is wrong in the
 * words of the pipeline. The events are aligned with the expectations (the longest run that matches in
 * order), so a lost event reads "expected #2 is missing", an extra one "record #3 was not expected (a
 * duplicate of record #2)", a changed one "record #2 differs from expected #2: after.status ...", and
 * one that is there but elsewhere "(out of order)".
 */
final class Sequences {
    private Sequences() {
    }

    /**
     * PASS when the events are exactly the expected ones in order; NOT_YET when the events so far are
     * the start of the expected ones (the rest may still come); NEVER when records already there differ
     * or sit where others were expected (more records cannot fix that).
     */
    static Judgement<List<ChangeEvent>> judgeExact(List<EventExpectation> expected, List<ChangeEvent> events, String subject) {
        List<Step> alignment = align(expected, events);
        List<String> differences = new ArrayList<>();
        boolean definite = false;
        List<Integer> missing = new ArrayList<>();
        List<Integer> unexpected = new ArrayList<>();
        for (Step step : alignment) {
            if (step.expected() >= 0 && step.event() >= 0) {
                definite |= flush(expected, events, missing, unexpected, differences, true);
            } else if (step.event() >= 0) {
                unexpected.add(step.event());
            } else {
                missing.add(step.expected());
            }
        }
        definite |= flush(expected, events, missing, unexpected, differences, false);
        if (differences.isEmpty()) {
            return Judgement.pass(events);
        }
        String duplicates = EventListing.duplicates(events);
        String problem = summary(expected.size(), events.size()) + (duplicates.isEmpty() ? "" : " (" + duplicates + ")");
        String seen = EventListing.of(subject, events, EventExpectation.any()) + "\nDifferences:\n- " + String.join("\n- ", differences);
        return definite ? Judgement.never(problem, seen) : Judgement.notYet(problem, seen);
    }

    /** One place in the alignment: an expectation and the event that meets it, or either alone (-1 for none). */
    private record Step(int expected, int event) {
    }

    /** The longest in-order matching of expectations to events, with the rest in between. */
    private static List<Step> align(List<EventExpectation> expected, List<ChangeEvent> events) {
        int n = expected.size();
        int m = events.size();
        int[][] longest = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                longest[i][j] = expected.get(i).matches(events.get(j)) ? longest[i + 1][j + 1] + 1
                        : Math.max(longest[i + 1][j], longest[i][j + 1]);
            }
        }
        List<Step> steps = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && expected.get(i).matches(events.get(j)) && longest[i][j] == longest[i + 1][j + 1] + 1) {
                steps.add(new Step(i++, j++));
            } else if (j < m && (i == n || longest[i][j + 1] >= longest[i + 1][j])) {
                steps.add(new Step(-1, j++));
            } else {
                steps.add(new Step(i++, -1));
            }
        }
        return steps;
    }

    /**
     * Describes one gap of the alignment: expectations without an event and events without an
     * expectation, paired in order as "differs" where both are there. Returns true when the gap is
     * final: an event is in it, or matched events follow it.
     */
    private static boolean flush(List<EventExpectation> expected, List<ChangeEvent> events, List<Integer> missing, List<Integer> unexpected,
                                 List<String> differences, boolean followedByMatch) {
        if (missing.isEmpty() && unexpected.isEmpty()) {
            return false;
        }
        boolean definite = followedByMatch || !unexpected.isEmpty();
        int paired = Math.min(missing.size(), unexpected.size());
        for (int k = 0; k < paired; k++) {
            int i = missing.get(k);
            int j = unexpected.get(k);
            differences.add("record #" + j + " differs from expected #" + i + ": " + String.join("; ", expected.get(i).mismatches(events.get(j)))
                    + whereElse(expected.get(i), events, j) + duplicateOf(events, j));
        }
        for (int k = paired; k < missing.size(); k++) {
            int i = missing.get(k);
            differences.add("expected #" + i + " is missing: " + expected.get(i) + whereElse(expected.get(i), events, -1));
        }
        for (int k = paired; k < unexpected.size(); k++) {
            int j = unexpected.get(k);
            differences.add("record #" + j + " was not expected: " + events.get(j).describe() + duplicateOf(events, j));
        }
        missing.clear();
        unexpected.clear();
        return definite;
    }

    /** " (it is record #3: out of order)" when another event meets the expectation. */
    private static String whereElse(EventExpectation expectation, List<ChangeEvent> events, int except) {
        for (int j = 0; j < events.size(); j++) {
            if (j != except && expectation.matches(events.get(j))) {
                return " (it is record #" + j + ": out of order)";
            }
        }
        return "";
    }

    /** " (a duplicate of record #2)" when an earlier event has the same key and value. */
    private static String duplicateOf(List<ChangeEvent> events, int j) {
        for (int k = 0; k < events.size(); k++) {
            if (k != j && events.get(k).sameContentAs(events.get(j))) {
                return " (a duplicate of record #" + k + ")";
            }
        }
        return "";
    }

    private static String summary(int expected, int actual) {
        String events = actual + (actual == 1 ? " event" : " events");
        return actual == expected ? "the " + events + " there differ from the expected ones"
                : "there " + (actual == 1 ? "is " : "are ") + events + " where " + expected + " " + (expected == 1 ? "was" : "were") + " expected";
    }
}
