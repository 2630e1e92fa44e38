package io.cdcharness.cucumber;

import io.cdcharness.CdcHarness;
import io.cdcharness.assertions.EventExpectation;
import io.cdcharness.assertions.TopicAssert;
import io.cdcharness.kafka.SourceOffset;
import io.cdcharness.sql.BinlogPosition;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Then;

import java.util.Arrays;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Steps that observe topics: change events, sequences, counts, topic lists, sizes and offsets. */
public class TopicSteps {
    private static final String FIELDS_EXAMPLE = "  | after.uid  | 1    |\n  | after.name | jack |";
    private static final String ROWS_EXAMPLE = "  | op     | after.uid |\n  | create | 1         |";

    private CdcHarness cdc() {
        return CdcHarness.shared();
    }

    private ScenarioContext scenario() {
        return ScenarioContext.current();
    }

    private TopicAssert topic(String name) {
        return cdc().topic(name);
    }

    private void remember(String topic) {
        scenario().seen.put(topic, topic(topic).count());
    }

    private Runnable settle(String... topics) {
        String connector = scenario().latestConnector();
        return () -> cdc().settle(connector, List.of(topics));
    }

    @Then("these topics exist:")
    public void topicsExist(DataTable table) {
        cdc().awaitTopics(Tables.names(table, "  | originDB |\n  | originDB.user.user_account |"));
    }

    @Then("topic {string} does not exist")
    public void topicDoesNotExist(String topic) {
        cdc().settle(scenario().latestConnector());
        Set<String> topics = cdc().kafkaTopics().list();
        assertThat(topics).as("topics once connector %s caught up with the binlog", scenario().latestConnector()).doesNotContain(topic);
    }

    @Then("topic {string} receives a create event with after:")
    public void receivesCreate(String topic, DataTable table) {
        Map<String, String> after = Tables.fieldValues(table, "  | uid  | 1    |\n  | name | jack |");
        topic(topic).receives(EventExpectation.create().withAll("after", after));
        remember(topic);
    }

    @Then("topic {string} receives a(n) {op} event with:")
    public void receivesEvent(String topic, String op, DataTable table) {
        topic(topic).receives(EventExpectation.op(op).withAll(null, Tables.fieldValues(table, FIELDS_EXAMPLE)));
        remember(topic);
    }

    @Then("topic {string} receives a record with:")
    public void receivesRecord(String topic, DataTable table) {
        topic(topic).receives(EventExpectation.any().withAll(null, Tables.fieldValues(table, "  | uid  | 1    |\n  | __op | c    |")));
        remember(topic);
    }

    @Then("topic {string} receives a tombstone with:")
    public void receivesTombstone(String topic, DataTable table) {
        topic(topic).receives(EventExpectation.tombstone().withAll(null, Tables.fieldValues(table, "  | key.id | 1 |")));
        remember(topic);
    }

    @Then("topic {string} holds exactly these events in order:")
    public void holdsExactly(String topic, DataTable table) {
        List<EventExpectation> expected = EventExpectation.fromRows(Tables.rows(table, ROWS_EXAMPLE));
        topic(topic).holdsExactly(expected, settle(topic));
        remember(topic);
    }

    @Then("topic {string} holds these events in any order:")
    public void holdsInAnyOrder(String topic, DataTable table) {
        topic(topic).holdsInAnyOrder(EventExpectation.fromRows(Tables.rows(table, ROWS_EXAMPLE)));
        remember(topic);
    }

    @Then("topic {string} holds exactly {int} record(s)")
    public void holdsCount(String topic, int count) {
        topic(topic).holdsCount(count, settle(topic));
        remember(topic);
    }

    @Then("topic {string} receives no further events")
    public void noFurtherEvents(String topic) {
        topic(topic).receivesNoFurtherEvents(scenario().seen.getOrDefault(topic, 0), settle(topic));
    }

    @Then("on topic {string} the events with {word} = {string} are, in order: {string}")
    public void keyHistory(String topic, String path, String value, String ops) {
        List<String> codes = Arrays.stream(ops.split(",")).map(String::trim).map(EventExpectation::opCode).toList();
        topic(topic).keyHistory(path, value, codes);
        remember(topic);
    }

    @Then("the latest event on topic {string} has exactly the after fields {string}")
    public void latestAfterFields(String topic, String fields) {
        List<String> expected = Arrays.stream(fields.split(",")).map(String::trim).toList();
        cdc().eventually().until("the latest event on topic \"" + topic + "\" to have exactly the after fields " + expected, () -> {
            var records = cdc().recorder().records(topic);
            if (records.isEmpty()) {
                return io.cdcharness.assertions.Eventually.Attempt.failure("the topic has no records yet");
            }
            var after = io.cdcharness.kafka.ChangeEvent.of(records.get(records.size() - 1)).after();
            List<String> actual = new java.util.ArrayList<>();
            after.fieldNames().forEachRemaining(actual::add);
            return actual.equals(expected) ? io.cdcharness.assertions.Eventually.Attempt.success(actual)
                    : io.cdcharness.assertions.Eventually.Attempt.failure("the latest event's after fields are " + actual);
        });
    }

    @Then("the schema change topic {string} carries DDL {string}")
    public void schemaChangeTopicCarries(String topic, String ddl) {
        topic(topic).receivesSchemaChange(ddl);
    }

    @Then("the schema history of connector {string} records DDL {string}")
    public void historyRecords(String connector, String ddl) {
        String historyTopic = scenario().connector(connector).config().get("schema.history.internal.kafka.topic");
        if (historyTopic == null) {
            throw new IllegalStateException("Connector \"" + connector + "\" has no schema.history.internal.kafka.topic in its config, "
                    + "so its schema history is not in Kafka.");
        }
        topic(historyTopic).recordsHistory(ddl);
    }

    @Then("the events on topic {string} from the last SQL share one transaction id")
    public void shareTransaction(String topic) {
        int from = scenario().seen.getOrDefault(topic, 0);
        var events = cdc().eventually().until("events of the last SQL on topic \"" + topic + "\" to carry a transaction id", () -> {
            var all = cdc().recorder().records(topic).stream().map(io.cdcharness.kafka.ChangeEvent::of)
                    .filter(event -> !event.isTombstone()).toList();
            var recent = all.subList(Math.min(from, all.size()), all.size());
            return recent.size() >= 2 ? io.cdcharness.assertions.Eventually.Attempt.success(recent)
                    : io.cdcharness.assertions.Eventually.Attempt.failure(recent.size() + " new events since the last check");
        });
        List<String> ids = events.stream().map(event -> event.field("transaction.id").map(Object::toString).orElse("(none)")).distinct().toList();
        assertThat(ids).as("transaction ids of the %d events on %s (transaction metadata needs provide.transaction.metadata=true)",
                events.size(), topic).hasSize(1).doesNotContain("(none)", "null");
        remember(topic);
    }

    @Then("the transaction topic {string} records a transaction of {int} events")
    public void transactionTopic(String topic, int count) {
        EventExpectation end = EventExpectation.any().with("status", "END").with("event_count", Integer.toString(count));
        topic(topic).holdsInAnyOrder(List.of(EventExpectation.any().with("status", "BEGIN"), end));
    }

    @Then("records on topic {string} are on average at least {double} times as large as on topic {string}")
    public void sizeRatio(String larger, double factor, String smaller) {
        IntSummaryStatistics big = topic(larger).sizes();
        IntSummaryStatistics small = topic(smaller).sizes();
        String summary = String.format(java.util.Locale.ROOT, "%s: %d records, %.0f bytes on average; %s: %d records, %.0f bytes on average; ratio %.2f",
                larger, big.getCount(), big.getAverage(), smaller, small.getCount(), small.getAverage(), big.getAverage() / small.getAverage());
        io.cdcharness.stack.HarnessLog.info("serialized sizes: " + summary);
        assertThat(big.getCount()).as("records on %s", larger).isPositive();
        assertThat(small.getCount()).as("records on %s", smaller).isPositive();
        assertThat(big.getAverage() / small.getAverage()).as(summary).isGreaterThanOrEqualTo(factor);
    }

    @Then("the connector {string} has stored a binlog position covering the last SQL")
    public void storedPositionCoversLastSql(String connector) {
        BinlogPosition start = scenario().lastSql().lastStatementStart();
        SourceOffset offset = cdc().offsets(connector).covers(start);
        scenario().notedOffsets.put(connector, offset);
    }

    @Then("the stored binlog position of connector {string} advances past the last SQL")
    public void storedPositionAdvances(String connector) {
        SourceOffset noted = scenario().notedOffsets.get(connector);
        if (noted == null) {
            throw new IllegalStateException("No earlier binlog position of connector \"" + connector + "\" was noted. Add "
                    + "'Then the connector \"" + connector + "\" has stored a binlog position covering the last SQL' before the SQL.");
        }
        BinlogPosition start = scenario().lastSql().lastStatementStart();
        SourceOffset offset = cdc().offsets(connector).covers(start);
        assertThat(offset.compareProgress(noted))
                .as("stored offset of %s after the last SQL (%s) compared with the one noted before it (%s)",
                        connector, offset.describe(), noted.describe())
                .isPositive();
    }
}
