package io.cdcharness.assertions;

import io.cdcharness.kafka.ChangeEvent;
import io.cdcharness.kafka.HistoryRecord;
import io.cdcharness.kafka.RecordedRecord;
import io.cdcharness.kafka.SchemaChange;

import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks of one topic, read from its beginning. Every check follows the settling rule
 * ({@link Settling}): a check that can pass early (an event that matches) passes as soon as it does;
 * an exact, counted, ordered or negative check is judged once the pipeline has caught up with the
 * binlog; and a check that can no longer pass fails at once instead of waiting out the timeout.
 *
 * <pre>{@code
 * TopicAssert orders = harness.topic("shop.shop.orders");
 * orders.receives(EventExpectation.create().with("after.id", "10"));
 * orders.holdsExactly(List.of(EventExpectation.create().with("key.id", "10"), EventExpectation.op("u")));
 * orders.receivesNoFurtherEvents();
 * harness.topic("shop").receivesSchemaChange("CREATE TABLE `orders`");
 * }</pre>
 */
public final class TopicAssert {
    private final String topic;
    private final CheckContext context;

    public TopicAssert(String topic, CheckContext context) {
        this.topic = topic;
        this.context = context;
        context.recorder().watch(topic);
    }

    public String name() {
        return topic;
    }

    /** Waits until a change event on the topic matches; returns it (and remembers it as matched). */
    public ChangeEvent receives(EventExpectation expectation) {
        ChangeEvent event = judge("topic \"" + topic + "\" to receive " + expectation, true, events -> {
            List<String> impossible = expectation.impossiblePaths(events);
            if (!impossible.isEmpty()) {
                return Judgement.never("no event can have the path " + String.join(", ", impossible)
                        + " (the schemas the events carry have no such field)", describe(events, expectation));
            }
            for (ChangeEvent candidate : events) {
                if (expectation.matches(candidate)) {
                    return Judgement.pass(candidate);
                }
            }
            return Judgement.notYet("no record on the topic matches it", describe(events, expectation));
        });
        context.ledger().matched(event.record());
        return event;
    }

    /** The topic holds exactly these events, in this order, and nothing else once the pipeline has caught up. */
    public List<ChangeEvent> holdsExactly(List<EventExpectation> expected) {
        String expectation = "topic \"" + topic + "\" to hold exactly " + expected.size() + (expected.size() == 1 ? " event: " : " events in order: ") + expected;
        List<ChangeEvent> events = judge(expectation, false, actual -> this.<List<ChangeEvent>>impossiblePaths(actual, expected)
                .orElseGet(() -> withHints(Sequences.judgeExact(expected, actual, subject()), expected, actual)));
        context.ledger().matched(records(events));
        return events;
    }

    /** Every expectation is met by a different event, in any order; other events may be there too. */
    public List<ChangeEvent> holdsInAnyOrder(List<EventExpectation> expected) {
        List<ChangeEvent> matched = judge("topic \"" + topic + "\" to hold, in any order, " + expected, true, events -> {
            List<ChangeEvent> unmatched = new ArrayList<>(events);
            List<ChangeEvent> found = new ArrayList<>();
            List<EventExpectation> missing = new ArrayList<>();
            for (EventExpectation expectation : expected) {
                Optional<ChangeEvent> match = unmatched.stream().filter(expectation::matches).findFirst();
                match.ifPresentOrElse(event -> {
                    unmatched.remove(event);
                    found.add(event);
                }, () -> missing.add(expectation));
            }
            if (missing.isEmpty()) {
                return Judgement.pass(found);
            }
            StringBuilder seen = new StringBuilder();
            for (EventExpectation expectation : missing) {
                seen.append("not matched by any event: ").append(expectation);
                String closest = EventListing.closest(events, expectation);
                if (!closest.isEmpty()) {
                    seen.append("\n  ").append(closest.replace("\n", "\n  "));
                }
                EventListing.elsewhere(context.recorder(), topic, expectation).forEach(line -> seen.append("\n  ").append(line));
                seen.append('\n');
            }
            seen.append(EventListing.of(subject(), events, EventExpectation.any()));
            EventListing.appendPathHints(seen, events, missing);
            return Judgement.notYet(missing.size() + " of the " + expected.size() + " expected events " + (missing.size() == 1 ? "is" : "are")
                    + " not on the topic", seen.toString());
        });
        context.ledger().matched(records(matched));
        return matched;
    }

    /** The topic holds exactly {@code count} records once the pipeline has caught up. */
    public List<ChangeEvent> holdsCount(int count) {
        List<ChangeEvent> events = judge("topic \"" + topic + "\" to hold exactly " + count + (count == 1 ? " record" : " records"), false, actual -> {
            if (actual.size() == count) {
                return Judgement.pass(actual);
            }
            String problem = "it holds " + actual.size();
            String duplicates = EventListing.duplicates(actual);
            String seen = (duplicates.isEmpty() ? "" : duplicates + "\n") + EventListing.of(subject(), actual, EventExpectation.any());
            return actual.size() > count ? Judgement.never(problem + (duplicates.isEmpty() ? "" : " (" + duplicates + ")"), seen)
                    : Judgement.notYet(problem, seen);
        });
        context.ledger().matched(records(events));
        return events;
    }

    /**
     * No record arrived on the topic that earlier checks of this scenario did not account for, judged
     * once the pipeline has caught up: no record after the last one a check matched (every record counts
     * when no check matched any), and no copy of a matched record anywhere (a redelivered event that
     * landed between the checked ones).
     */
    public void receivesNoFurtherEvents() {
        String expectation = "no further events on topic \"" + topic + "\" (" + context.ledger().describe(topic) + ")";
        context.refuseIfBlind(expectation);
        judge(expectation, false, events -> {
            List<RecordedRecord> beyond = context.ledger().beyond(topic, records(events));
            List<ChangeEvent> further = events.stream().filter(event -> beyond.contains(event.record()) || (!context.ledger().wasMatched(event.record())
                    && events.stream().anyMatch(other -> context.ledger().wasMatched(other.record()) && other.sameContentAs(event)))).toList();
            if (further.isEmpty()) {
                return Judgement.pass(true);
            }
            StringBuilder seen = new StringBuilder(further.size() + (further.size() == 1 ? " further record:" : " further records:"));
            for (ChangeEvent event : further) {
                seen.append("\n#").append(events.indexOf(event)).append(' ').append(event.describe());
                events.stream().filter(other -> other.record() != event.record() && other.sameContentAs(event)).findFirst()
                        .ifPresent(original -> seen.append("\n     the same as #").append(events.indexOf(original)).append(": a duplicate"));
            }
            String duplicates = EventListing.duplicates(events);
            return Judgement.never(further.size() + (further.size() == 1 ? " more record arrived" : " more records arrived")
                    + (duplicates.isEmpty() ? "" : " (" + duplicates + ")"), seen.toString());
        });
    }

    /**
     * The events whose key (or value) field {@code path} equals {@code value} have exactly these
     * operations, in order (for example {@code c, u, d, tombstone}), once the pipeline has caught up.
     */
    public List<ChangeEvent> keyHistory(String path, String value, List<String> ops) {
        FieldExpectation key = new FieldExpectation(path, value);
        List<EventExpectation> expected = ops.stream().map(op -> EventExpectation.TOMBSTONE.equals(op) ? EventExpectation.tombstone()
                : EventExpectation.op(op)).toList();
        String expectation = "the events with " + path + "=" + value + " on topic \"" + topic + "\" to be, in order, " + ops;
        List<ChangeEvent> events = judge(expectation, false, all -> {
            if (!all.isEmpty() && !EventPaths.anyHas(all, path) && EventPaths.impossible(all, path)) {
                return Judgement.never("no event can have the path " + path, EventListing.of(subject(), all, EventExpectation.any().with(path, value)));
            }
            List<ChangeEvent> ofKey = all.stream().filter(event -> key.matches(event.field(path).orElse(null))).toList();
            return withHints(Sequences.judgeExact(expected, ofKey, "the events with " + path + "=" + value), expected, ofKey);
        });
        context.ledger().matched(records(events));
        return events;
    }

    /** The latest event's {@code after} has exactly these fields, in this order, once the pipeline has caught up. */
    public List<String> latestHasAfterFields(List<String> expected) {
        return judge("the latest event on topic \"" + topic + "\" to have exactly the after fields " + expected, false, events -> {
            if (events.isEmpty()) {
                return Judgement.notYet("the topic has no records", "topic \"" + topic + "\" has no records");
            }
            ChangeEvent latest = events.get(events.size() - 1);
            List<String> actual = new ArrayList<>();
            latest.after().fieldNames().forEachRemaining(actual::add);
            return actual.equals(expected) ? Judgement.pass(actual)
                    : Judgement.notYet("the latest event's after fields are " + actual, "latest: #" + (events.size() - 1) + " " + latest.describe());
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
        return judge("topic \"" + topic + "\" to carry a " + what + " with DDL containing \"" + ddlFragment + "\"", true, events -> {
            List<T> entries = events.stream().filter(event -> !event.isTombstone()).map(event -> parse.apply(event.record())).toList();
            for (T entry : entries) {
                if (normalize(ddl.apply(entry)).contains(wanted)) {
                    return Judgement.pass(entry);
                }
            }
            StringBuilder seen = new StringBuilder(entries.isEmpty() ? "topic \"" + topic + "\" has no records" : "topic \"" + topic + "\" holds " + entries.size() + ":");
            entries.subList(Math.max(0, entries.size() - 2 * EventListing.SHOWN), entries.size())
                    .forEach(entry -> seen.append("\n- ").append(describe.apply(entry)));
            return Judgement.notYet("no DDL on it contains that text", seen.toString());
        });
    }

    /**
     * The schema change topic carries no DDL of {@code database} (its records' {@code databaseName}),
     * once the pipeline has caught up.
     */
    public void hasNoDdlFor(String database) {
        String expectation = "topic \"" + topic + "\" to carry no DDL of database " + database;
        context.refuseIfBlind(expectation);
        judge(expectation, false, events -> {
            List<SchemaChange> ofDatabase = events.stream().filter(event -> event.record().kind() == RecordedRecord.Kind.SCHEMA_CHANGE)
                    .map(event -> SchemaChange.of(event.record())).filter(change -> change.databaseName().equalsIgnoreCase(database)).toList();
            if (ofDatabase.isEmpty()) {
                return Judgement.pass(true);
            }
            StringBuilder seen = new StringBuilder(ofDatabase.size() + " schema change" + (ofDatabase.size() == 1 ? "" : "s") + " of " + database + ":");
            ofDatabase.forEach(change -> seen.append("\n- ").append(change.describe()).append(" (").append(change.record().where()).append(')'));
            return Judgement.never("it carries " + ofDatabase.size() + (ofDatabase.size() == 1 ? " DDL" : " DDLs") + " of it", seen.toString());
        });
    }

    /**
     * Every record on the topic fits the Connect schema it carries (JsonConverter with
     * {@code schemas.enable=true}), key and value, as Debezium's tests validate every record; judged once
     * the pipeline has caught up. Records without a schema cannot be checked and fail the check.
     */
    public int everyRecordMatchesItsSchema() {
        // Each record is parsed and checked once, not on every poll: records keep their envelopes as bytes only.
        java.util.Map<String, List<String>> checked = new java.util.HashMap<>();
        return judge("every record on topic \"" + topic + "\" to match the schema it carries", false, events -> {
            List<String> problems = new java.util.ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                RecordedRecord record = events.get(i).record();
                String index = "#" + i + " ";
                checked.computeIfAbsent(record.coordinates(), coordinates -> schemaProblems(record))
                        .forEach(problem -> problems.add(index + problem));
            }
            return problems.isEmpty() ? Judgement.pass(events.size())
                    : Judgement.never(problems.size() + (problems.size() == 1 ? " place does" : " places do") + " not fit",
                    String.join("\n", problems.subList(0, Math.min(20, problems.size()))) + (problems.size() > 20 ? "\n... and " + (problems.size() - 20) + " more" : ""));
        });
    }

    private static List<String> schemaProblems(RecordedRecord record) {
        List<String> problems = new java.util.ArrayList<>();
        for (var part : List.of(java.util.Map.entry("key", java.util.Optional.ofNullable(record.rawKeyJson())),
                java.util.Map.entry("value", java.util.Optional.ofNullable(record.rawValueJson())))) {
            if (part.getValue().isEmpty() || part.getValue().get().isNull()) {
                continue; // a null key, or a tombstone: nothing to check
            }
            var envelope = part.getValue().get();
            if (!envelope.has("schema") || !envelope.has("payload")) {
                problems.add(part.getKey() + ": carries no schema (the converter has schemas.enable=false)");
                continue;
            }
            SchemaConformance.problems(envelope.get("schema"), envelope.get("payload"))
                    .forEach(problem -> problems.add(part.getKey() + " " + problem + " (" + record.where() + ")"));
        }
        return problems;
    }

    /** DDL compares without regard to case, backticks and whitespace: {@code CREATE TABLE `t`} matches {@code create table t}. */
    static String normalize(String ddl) {
        return ddl.replace("`", "").replaceAll("\\s+", " ").trim().toLowerCase(java.util.Locale.ROOT);
    }

    /** Record sizes (key, value and headers, as stored) once the pipeline has caught up. */
    public IntSummaryStatistics sizes() {
        return settledRecords().stream().mapToInt(RecordedRecord::serializedSize).summaryStatistics();
    }

    /** Every record of the topic once the pipeline has caught up with the binlog written so far. */
    public List<RecordedRecord> settledRecords() {
        return records(judge("the pipeline to catch up with the binlog so that topic \"" + topic + "\" can be read whole", false, Judgement::pass));
    }

    /** How many records the topic holds right now, without waiting (for progress output, not for checks). */
    public int count() {
        return context.recorder().records(topic).size();
    }

    private String describe(List<ChangeEvent> events, EventExpectation expectation) {
        StringBuilder text = new StringBuilder(EventListing.of(subject(), events, expectation));
        EventListing.elsewhere(context.recorder(), topic, expectation).forEach(line -> text.append('\n').append(line));
        if (events.isEmpty()) {
            List<String> others = context.recorder().counts().entrySet().stream()
                    .filter(entry -> !entry.getKey().equals(topic) && entry.getValue() > 0).map(java.util.Map.Entry::getKey).sorted().toList();
            if (!others.isEmpty()) {
                text.append(" (topics the harness reads that have records: ").append(String.join(", ", others)).append(")");
            }
        }
        return text.toString();
    }

    /** A final failure when some expectation names a path that no event can have (their schemas have no such field). */
    private <T> Optional<Judgement<T>> impossiblePaths(List<ChangeEvent> events, List<EventExpectation> expected) {
        List<String> impossible = expected.stream().flatMap(expectation -> expectation.impossiblePaths(events).stream()).distinct().toList();
        if (impossible.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder seen = new StringBuilder(EventListing.of(subject(), events, EventExpectation.any()));
        EventListing.appendPathHints(seen, events, expected);
        return Optional.of(Judgement.never("no event can have the path " + String.join(", ", impossible)
                + " (the schemas the events carry have no such field)", seen.toString()));
    }

    /**
     * A failing judgement of expectations, with the paths no event has (and those the events do have),
     * and the records on other topics that match an expectation no event here meets.
     */
    private <T> Judgement<T> withHints(Judgement<T> judgement, List<EventExpectation> expected, List<ChangeEvent> events) {
        if (judgement.passed()) {
            return judgement;
        }
        StringBuilder evidence = new StringBuilder(judgement.evidence());
        EventListing.appendPathHints(evidence, events, expected);
        for (EventExpectation expectation : expected) {
            if (events.stream().noneMatch(expectation::matches)) {
                EventListing.elsewhere(context.recorder(), topic, expectation).forEach(line -> evidence.append('\n').append(line));
            }
        }
        return new Judgement<>(judgement.verdict(), judgement.value(), judgement.problem(), evidence.toString());
    }

    private String subject() {
        return "topic \"" + topic + "\"";
    }

    private static List<RecordedRecord> records(List<ChangeEvent> events) {
        return events.stream().map(ChangeEvent::record).toList();
    }

    private <T> T judge(String expectation, boolean passesEarly, Function<List<ChangeEvent>, Judgement<T>> look) {
        return SettledCheck.run(context, expectation, passesEarly, List.of(topic),
                () -> look.apply(context.recorder().records(topic).stream().map(ChangeEvent::of).toList()));
    }
}
