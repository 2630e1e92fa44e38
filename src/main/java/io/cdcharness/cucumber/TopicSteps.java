package io.cdcharness.cucumber;

import io.cdcharness.CdcHarness;
import io.cdcharness.assertions.EventExpectation;
import io.cdcharness.kafka.SourceOffset;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Then;

import java.util.Arrays;
import java.util.IntSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Steps that observe topics: change events, sequences, counts, topic lists, transactions, sizes and offsets. */
public class TopicSteps {
    private static final String FIELDS_EXAMPLE = "  | after.uid  | 1    |\n  | after.name | jack |";
    private static final String ROWS_EXAMPLE = "  | op     | after.uid |\n  | create | 1         |";
    private static final String TOPICS_EXAMPLE = "  | originDB |\n  | originDB.user.user_account |";

    private CdcHarness cdc() {
        return CdcHarness.shared();
    }

    @Then("these topics exist:")
    public void topicsExist(DataTable table) {
        cdc().topics().exist(Tables.names(table, TOPICS_EXAMPLE));
    }

    @Then("exactly these topics exist:")
    public void exactlyTheseTopics(DataTable table) {
        cdc().topics().exactly(Tables.names(table, TOPICS_EXAMPLE));
    }

    @Then("topic {string} does not exist")
    public void topicDoesNotExist(String topic) {
        cdc().topics().doesNotExist(topic);
    }

    @Then("topic {string} receives a create event with after:")
    public void receivesCreate(String topic, DataTable table) {
        Map<String, String> after = Tables.fieldValues(table, "  | uid  | 1    |\n  | name | jack |");
        cdc().topic(topic).receives(EventExpectation.create().withAll("after", after));
    }

    @Then("topic {string} receives a(n) {op} event with:")
    public void receivesEvent(String topic, String op, DataTable table) {
        cdc().topic(topic).receives(EventExpectation.op(op).withAll(null, Tables.fieldValues(table, FIELDS_EXAMPLE)));
    }

    @Then("topic {string} receives a record with:")
    public void receivesRecord(String topic, DataTable table) {
        cdc().topic(topic).receives(EventExpectation.any().withAll(null, Tables.fieldValues(table, "  | uid  | 1    |\n  | __op | c    |")));
    }

    @Then("topic {string} receives a tombstone with:")
    public void receivesTombstone(String topic, DataTable table) {
        cdc().topic(topic).receives(EventExpectation.tombstone().withAll(null, Tables.fieldValues(table, "  | key.id | 1 |")));
    }

    @Then("topic {string} holds exactly these events in order:")
    public void holdsExactly(String topic, DataTable table) {
        cdc().topic(topic).holdsExactly(EventExpectation.fromRows(Tables.rows(table, ROWS_EXAMPLE)));
    }

    @Then("topic {string} holds these events in any order:")
    public void holdsInAnyOrder(String topic, DataTable table) {
        cdc().topic(topic).holdsInAnyOrder(EventExpectation.fromRows(Tables.rows(table, ROWS_EXAMPLE)));
    }

    @Then("topic {string} holds exactly {int} record(s)")
    public void holdsCount(String topic, int count) {
        cdc().topic(topic).holdsCount(count);
    }

    @Then("topic {string} receives no further events")
    public void noFurtherEvents(String topic) {
        cdc().topic(topic).receivesNoFurtherEvents();
    }

    @Then("on topic {string} the events with {word} = {string} are, in order: {string}")
    public void keyHistory(String topic, String path, String value, String ops) {
        List<String> codes = Arrays.stream(ops.split(",")).map(String::trim).map(EventExpectation::opCode).toList();
        cdc().topic(topic).keyHistory(path, value, codes);
    }

    @Then("the latest event on topic {string} has exactly the after fields {string}")
    public void latestAfterFields(String topic, String fields) {
        cdc().topic(topic).latestHasAfterFields(Arrays.stream(fields.split(",")).map(String::trim).toList());
    }

    @Then("the schema change topic {string} carries DDL {string}")
    public void schemaChangeTopicCarries(String topic, String ddl) {
        cdc().topic(topic).receivesSchemaChange(ddl);
    }

    @Then("the schema change topic {string} has no DDL for database {string}")
    public void noDdlFor(String topic, String database) {
        cdc().topic(topic).hasNoDdlFor(database);
    }

    @Then("every record on topic {string} matches its own schema")
    public void matchesItsSchema(String topic) {
        cdc().topic(topic).everyRecordMatchesItsSchema();
    }

    @Then("the schema history of connector {string} records DDL {string}")
    public void historyRecords(String connector, String ddl) {
        cdc().schemaHistory(connector).recordsHistory(ddl);
    }

    @Then("the events on topic {string} from the last SQL share one transaction id")
    public void shareTransaction(String topic) {
        cdc().transactions().shareOneTransaction(List.of(topic), Optional.empty());
    }

    @Then("the events of the last SQL on topics {string} share one transaction id")
    public void shareTransactionAcross(String topics) {
        cdc().transactions().shareOneTransaction(topicList(topics), Optional.empty());
    }

    @Then("the events of the last SQL on topics {string} share one transaction id, the one topic {string} records")
    public void shareTransactionWithTransactionTopic(String topics, String transactionTopic) {
        cdc().transactions().shareOneTransaction(topicList(topics), Optional.of(transactionTopic));
    }

    @Then("the transaction topic {string} records a transaction of {int} events")
    public void transactionTopic(String topic, int count) {
        EventExpectation end = EventExpectation.any().with("status", "END").with("event_count", Integer.toString(count));
        cdc().topic(topic).holdsInAnyOrder(List.of(EventExpectation.any().with("status", "BEGIN"), end));
    }

    @Then("the transaction topic {string} records one transaction for the last SQL with:")
    public void oneTransactionForLastSql(String topic, DataTable table) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Tables.fieldValues(table, "  | shop.orders    | 2 |\n  | shop.customers | 1 |").forEach((collection, count) -> {
            try {
                counts.put(collection, Integer.parseInt(count.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("The row | " + collection + " | " + count + " | needs a number of events, e.g. | "
                        + collection + " | 2 |", e);
            }
        });
        cdc().transactions().recordsOneTransaction(topic, counts);
    }

    @Then("the last snapshot record, across all topics, is on topic {string} with:")
    public void lastSnapshotRecord(String topic, DataTable table) {
        cdc().snapshot().lastRecordIs(topic, EventExpectation.any().withAll(null, Tables.fieldValues(table, FIELDS_EXAMPLE)));
    }

    @Then("records on topic {string} are on average at least {double} times as large as on topic {string}")
    public void sizeRatio(String larger, double factor, String smaller) {
        IntSummaryStatistics big = cdc().topic(larger).sizes();
        IntSummaryStatistics small = cdc().topic(smaller).sizes();
        String summary = String.format(java.util.Locale.ROOT, "%s: %d records, %.0f bytes on average; %s: %d records, %.0f bytes on average; ratio %.2f",
                larger, big.getCount(), big.getAverage(), smaller, small.getCount(), small.getAverage(), big.getAverage() / small.getAverage());
        io.cdcharness.stack.HarnessLog.info("serialized sizes: " + summary);
        if (big.getCount() == 0 || small.getCount() == 0 || big.getAverage() / small.getAverage() < factor) {
            throw new AssertionError("Expected records on topic \"" + larger + "\" to be on average at least " + factor
                    + " times as large as on topic \"" + smaller + "\" once the pipeline had caught up, but " + summary + ".");
        }
    }

    @Then("the connector {string} has stored a binlog position covering the last SQL")
    public void storedPositionCoversLastSql(String connector) {
        SourceOffset offset = cdc().offsets(connector).covers(cdc().lastSql().lastStatementStart());
        ScenarioContext.current().notedOffsets.put(connector, offset);
    }

    @Then("the stored binlog position of connector {string} advances past the last SQL")
    public void storedPositionAdvances(String connector) {
        SourceOffset noted = ScenarioContext.current().notedOffsets.get(connector);
        if (noted == null) {
            throw new IllegalStateException("No earlier binlog position of connector \"" + connector + "\" was noted. Add "
                    + "'Then the connector \"" + connector + "\" has stored a binlog position covering the last SQL' before the SQL.");
        }
        cdc().offsets(connector).advancesPast(cdc().lastSql().lastStatementStart(), noted);
    }

    /** "a, b and c" or "a, b, c": topic names in one string. */
    static List<String> topicList(String written) {
        List<String> topics = Arrays.stream(written.split(",|\\s+and\\s+")).map(String::trim).filter(name -> !name.isEmpty()).toList();
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("Name at least one topic, e.g. \"shop.shop.orders, shop.shop.customers\".");
        }
        return topics;
    }
}
