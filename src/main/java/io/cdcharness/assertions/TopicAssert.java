package io.cdcharness.assertions;

import io.cdcharness.kafka.ChangeEvent;
import io.cdcharness.kafka.HistoryRecord;
import io.cdcharness.kafka.RecordedRecord;
import io.cdcharness.kafka.SchemaChange;
import io.cdcharness.kafka.TopicRecorder;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Eventual assertions on one topic's records, read from the beginning of the topic.
 *
 * <pre>{@code
 * harness.topic("originDB.user.user_account")
 *        .receives(EventExpectation.create().with("after.name", "jack"));
 * harness.topic("originDB").receivesSchemaChange("CREATE TABLE `user_account`");
 * }</pre>
 */
public final class TopicAssert {
    private static final int SHOWN = 10;

    private final TopicRecorder recorder;
    private final String topic;
    private final Eventually eventually;

    public TopicAssert(TopicRecorder recorder, String topic, Eventually eventually) {
        this.recorder = recorder;
        this.topic = topic;
        this.eventually = eventually;
        recorder.watch(topic);
    }

    /** Waits until a change event on the topic matches; returns it. */
    public ChangeEvent receives(EventExpectation expectation) {
        return eventually.until("topic \"" + topic + "\" to receive " + expectation, () -> {
            List<ChangeEvent> events = recorder.records(topic).stream().map(ChangeEvent::of).toList();
            for (ChangeEvent event : events) {
                if (expectation.matches(event)) {
                    return Eventually.Attempt.success(event);
                }
            }
            return Eventually.Attempt.failure(describeEvents(events, expectation));
        });
    }

    /**
     * Waits until the topic holds exactly these events, in this order; then settles the pipeline
     * (see {@code CdcHarness.settle}) and checks that no further event arrived.
     */
    public List<ChangeEvent> holdsExactly(List<EventExpectation> expected, Runnable settle) {
        String expectation = "topic \"" + topic + "\" to hold exactly " + expected.size() + " events in order: " + expected;
        eventually.until(expectation, () -> {
            List<ChangeEvent> events = events();
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < expected.size(); i++) {
                if (i >= events.size()) {
                    problems.add("#" + i + " missing: " + expected.get(i));
                } else {
                    int index = i;
                    expected.get(i).mismatches(events.get(i)).forEach(problem -> problems.add("#" + index + " " + problem));
                }
            }
            if (events.size() > expected.size()) {
                problems.add((events.size() - expected.size()) + " more events than expected");
            }
            return problems.isEmpty() ? Eventually.Attempt.success(events)
                    : Eventually.Attempt.failure(describeEvents(events, EventExpectation.any()) + "\nDifferences:\n- " + String.join("\n- ", problems));
        });
        settle.run();
        return noneBeyond(expected.size(), expectation);
    }

    /** Waits until every expectation is met by a different event, in any order (other events may be there too). */
    public List<ChangeEvent> holdsInAnyOrder(List<EventExpectation> expected) {
        return eventually.until("topic \"" + topic + "\" to hold, in any order, " + expected, () -> {
            List<ChangeEvent> events = events();
            List<ChangeEvent> unmatched = new ArrayList<>(events);
            List<EventExpectation> missing = new ArrayList<>();
            for (EventExpectation expectation : expected) {
                Optional<ChangeEvent> match = unmatched.stream().filter(expectation::matches).findFirst();
                match.ifPresentOrElse(unmatched::remove, () -> missing.add(expectation));
            }
            return missing.isEmpty() ? Eventually.Attempt.success(events)
                    : Eventually.Attempt.failure("not matched by any event: " + missing + "\n" + describeEvents(events, EventExpectation.any()));
        });
    }

    /** Waits until the topic holds {@code count} records; settles; then checks that no more arrived. */
    public List<ChangeEvent> holdsCount(int count, Runnable settle) {
        String expectation = "topic \"" + topic + "\" to hold exactly " + count + " records";
        eventually.until(expectation, () -> {
            List<ChangeEvent> events = events();
            return events.size() >= count ? Eventually.Attempt.success(events)
                    : Eventually.Attempt.failure(describeEvents(events, EventExpectation.any()));
        });
        settle.run();
        return noneBeyond(count, expectation);
    }

    /** Settles the pipeline, then checks that the topic holds no more than {@code alreadySeen} records. */
    public void receivesNoFurtherEvents(int alreadySeen, Runnable settle) {
        settle.run();
        noneBeyond(alreadySeen, "no further events on topic \"" + topic + "\" after the " + alreadySeen + " seen before");
    }

    /**
     * Waits until the events whose key (or value) field {@code path} equals {@code value} have exactly
     * these operations, in order (for example {@code c, u, d, tombstone}).
     */
    public List<ChangeEvent> keyHistory(String path, String value, List<String> ops) {
        FieldExpectation key = new FieldExpectation(path, value);
        return eventually.until("the events with " + path + "=" + value + " on topic \"" + topic + "\" to be " + ops + " in order", () -> {
            List<ChangeEvent> events = events().stream().filter(event -> key.matches(event.field(path).orElse(null))).toList();
            List<String> actual = events.stream().map(event -> event.isTombstone() ? EventExpectation.TOMBSTONE : event.op()).toList();
            return actual.equals(ops) ? Eventually.Attempt.success(events)
                    : Eventually.Attempt.failure("operations of those events so far: " + actual + "\n" + describeEvents(events(), EventExpectation.any()));
        });
    }

    /** Record sizes (key, value and headers, as stored) on the topic right now. */
    public java.util.IntSummaryStatistics sizes() {
        return recorder.records(topic).stream().mapToInt(RecordedRecord::serializedSize).summaryStatistics();
    }

    /** How many records the topic holds right now. */
    public int count() {
        return recorder.records(topic).size();
    }

    private List<ChangeEvent> noneBeyond(int count, String expectation) {
        List<ChangeEvent> events = events();
        if (events.size() > count) {
            StringBuilder text = new StringBuilder("Expected " + expectation + ", but " + (events.size() - count)
                    + " more arrived once the pipeline had caught up with the binlog:");
            for (int i = count; i < events.size(); i++) {
                text.append("\n  #").append(i).append(' ').append(events.get(i).describe());
            }
            throw new AssertionError(text.toString());
        }
        return events;
    }

    private List<ChangeEvent> events() {
        return recorder.records(topic).stream().map(ChangeEvent::of).toList();
    }

    /** Waits until the schema change topic carries a DDL containing {@code ddlFragment}. */
    public SchemaChange receivesSchemaChange(String ddlFragment) {
        return untilDdl("schema change", ddlFragment, SchemaChange::of, SchemaChange::ddl, SchemaChange::describe);
    }

    /** Waits until the schema history topic records a DDL containing {@code ddlFragment}. */
    public HistoryRecord recordsHistory(String ddlFragment) {
        return untilDdl("schema history entry", ddlFragment, HistoryRecord::of, HistoryRecord::ddl, HistoryRecord::describe);
    }

    private <T> T untilDdl(String what, String ddlFragment, Function<RecordedRecord, T> parse, Function<T, String> ddl,
                           Function<T, String> describe) {
        String wanted = normalize(ddlFragment);
        return eventually.until("topic \"" + topic + "\" to carry a " + what + " with DDL containing \"" + ddlFragment + "\"", () -> {
            List<T> entries = recorder.records(topic).stream().filter(r -> !r.isTombstone()).map(parse).toList();
            for (T entry : entries) {
                if (normalize(ddl.apply(entry)).contains(wanted)) {
                    return Eventually.Attempt.success(entry);
                }
            }
            return Eventually.Attempt.failure(describeList(entries.stream().map(describe).toList()));
        });
    }

    /** DDL compares without regard to case, backticks and whitespace: {@code CREATE TABLE `t`} matches {@code create table t}. */
    static String normalize(String ddl) {
        return ddl.replace("`", "").replaceAll("\\s+", " ").trim().toLowerCase(java.util.Locale.ROOT);
    }

    private String describeEvents(List<ChangeEvent> events, EventExpectation expectation) {
        if (events.isEmpty()) {
            return "topic \"" + topic + "\" has no records yet" + otherTopicsHint();
        }
        StringBuilder text = new StringBuilder("topic \"" + topic + "\" holds " + events.size()
                + (events.size() == 1 ? " event" : " events") + (events.size() > SHOWN ? " (the last " + SHOWN + " shown)" : "") + ":");
        int from = Math.max(0, events.size() - SHOWN);
        for (int i = from; i < events.size(); i++) {
            ChangeEvent event = events.get(i);
            text.append("\n#").append(i).append(' ').append(event.describe());
            expectation.mismatches(event).forEach(problem -> text.append("\n     ").append(problem));
        }
        List<String> unknown = expectation.unknownPaths(events);
        if (!unknown.isEmpty()) {
            text.append("\nNo event has the path ").append(String.join(", ", unknown))
                    .append(". Paths the events do have: ").append(EventExpectation.knownPaths(events));
        }
        return text.toString();
    }

    private String otherTopicsHint() {
        List<String> others = recorder.counts().keySet().stream().filter(name -> !name.equals(topic)).sorted().toList();
        return others.isEmpty() ? "" : " (topics watched with records: " + String.join(", ", others) + ")";
    }

    private String describeList(List<String> entries) {
        if (entries.isEmpty()) {
            return "topic \"" + topic + "\" has no records yet";
        }
        StringBuilder text = new StringBuilder("topic \"" + topic + "\" holds " + entries.size() + ":");
        entries.subList(Math.max(0, entries.size() - 2 * SHOWN), entries.size())
                .forEach(entry -> text.append("\n- ").append(entry));
        return text.toString();
    }
}
