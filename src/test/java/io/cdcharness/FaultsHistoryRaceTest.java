package io.cdcharness;

import io.cdcharness.connect.ConnectorStatus;
import io.cdcharness.connect.ConnectorStatus.TaskStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FaultsHistoryRaceTest {
    private static final String RACE = "org.apache.kafka.connect.errors.ConnectException: An exception occurred in the change event producer.\n"
            + "Caused by: java.util.concurrent.RejectedExecutionException: Task io.debezium.storage.kafka.history.KafkaSchemaHistory$$Lambda$1421"
            + " rejected from java.util.concurrent.ThreadPoolExecutor@cbf2a31[Terminated, pool size = 0]";

    private static ConnectorStatus connector(String state, TaskStatus... tasks) {
        return new ConnectorStatus("shop-connector", state, "w", null, List.of(tasks));
    }

    @Test
    void aTaskFailedWithTheSchemaHistoryRaceIsRecognised() {
        assertThat(Faults.isHistoryRace(connector("RUNNING", new TaskStatus(0, "FAILED", "w", RACE)))).isTrue();
    }

    @Test
    void anyOtherFailureIsNot() {
        assertThat(Faults.isHistoryRace(connector("RUNNING", new TaskStatus(0, "FAILED", "w",
                "org.apache.kafka.connect.errors.ConnectException: Access denied for user 'cdc'")))).isFalse();
        assertThat(Faults.isHistoryRace(connector("RUNNING", new TaskStatus(0, "FAILED", "w", RACE),
                new TaskStatus(1, "FAILED", "w", "java.io.EOFException")))).as("one task failed otherwise").isFalse();
        assertThat(Faults.isHistoryRace(connector("FAILED", new TaskStatus(0, "FAILED", "w", RACE)))).as("the connector itself failed").isFalse();
        assertThat(Faults.isHistoryRace(connector("RUNNING", new TaskStatus(0, "RUNNING", "w", null)))).as("nothing failed").isFalse();
    }
}
