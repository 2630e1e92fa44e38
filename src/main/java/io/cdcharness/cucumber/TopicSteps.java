package io.cdcharness.cucumber;

import io.cdcharness.CdcHarness;
import io.cdcharness.assertions.EventExpectation;
import io.cdcharness.kafka.SourceOffset;
import io.cdcharness.sql.BinlogPosition;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Then;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Steps that observe topics: change events, schema changes, schema history, topic lists and offsets. */
public class TopicSteps {

    private CdcHarness cdc() {
        return CdcHarness.shared();
    }

    @Then("these topics exist:")
    public void topicsExist(DataTable table) {
        cdc().awaitTopics(Tables.names(table, "  | originDB |\n  | originDB.user.user_account |"));
    }

    @Then("topic {string} receives a create event with after:")
    public void receivesCreate(String topic, DataTable table) {
        Map<String, String> after = Tables.fieldValues(table, "  | uid  | 1    |\n  | name | jack |");
        cdc().topic(topic).receives(EventExpectation.create().withAll("after", after));
    }

    @Then("the schema change topic {string} carries DDL {string}")
    public void schemaChangeTopicCarries(String topic, String ddl) {
        cdc().topic(topic).receivesSchemaChange(ddl);
    }

    @Then("the schema history of connector {string} records DDL {string}")
    public void historyRecords(String connector, String ddl) {
        String historyTopic = ScenarioContext.current().connector(connector).config().get("schema.history.internal.kafka.topic");
        if (historyTopic == null) {
            throw new IllegalStateException("Connector \"" + connector + "\" has no schema.history.internal.kafka.topic in its config, "
                    + "so its schema history is not in Kafka.");
        }
        cdc().topic(historyTopic).recordsHistory(ddl);
    }

    @Then("the connector {string} has stored a binlog position covering the last SQL")
    public void storedPositionCoversLastSql(String connector) {
        BinlogPosition start = ScenarioContext.current().lastSql().lastStatementStart();
        SourceOffset offset = cdc().offsets(connector).covers(start);
        ScenarioContext.current().notedOffsets.put(connector, offset);
    }

    @Then("the stored binlog position of connector {string} advances past the last SQL")
    public void storedPositionAdvances(String connector) {
        SourceOffset noted = ScenarioContext.current().notedOffsets.get(connector);
        if (noted == null) {
            throw new IllegalStateException("No earlier binlog position of connector \"" + connector + "\" was noted. Add "
                    + "'Then the connector \"" + connector + "\" has stored a binlog position covering the last SQL' before the SQL.");
        }
        BinlogPosition start = ScenarioContext.current().lastSql().lastStatementStart();
        SourceOffset offset = cdc().offsets(connector).covers(start);
        assertThat(offset.compareProgress(noted))
                .as("stored offset of %s after the last SQL (%s) compared with the one noted before it (%s)",
                        connector, offset.describe(), noted.describe())
                .isPositive();
    }
}
