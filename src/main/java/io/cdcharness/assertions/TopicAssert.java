package io.cdcharness.assertions;

import io.cdcharness.kafka.ChangeEvent;
import io.cdcharness.kafka.HistoryRecord;
import io.cdcharness.kafka.RecordedRecord;
import io.cdcharness.kafka.SchemaChange;
import io.cdcharness.kafka.TopicRecorder;

import java.util.List;
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
