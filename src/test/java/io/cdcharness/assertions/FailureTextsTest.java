package io.cdcharness.assertions;

import io.cdcharness.kafka.ChangeEvent;
import io.cdcharness.kafka.RecordedRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The failure texts of the checks, pinned without servers: they are made from records alone. */
class FailureTextsTest {
    private static final String SCHEMA_AFTER = """
            {"type":"struct","fields":[{"field":"before","type":"struct","optional":true,"fields":[{"field":"id","type":"int32"},
             {"field":"status","type":"string"}]},{"field":"after","type":"struct","optional":true,"fields":[{"field":"id","type":"int32"},
             {"field":"status","type":"string"}]},{"field":"op","type":"string"}]}""";

    private static ChangeEvent event(long offset, String op, int id, String status) {
        String value = "{\"schema\":" + SCHEMA_AFTER + ",\"payload\":{\"op\":\"" + op + "\",\"before\":null,\"after\":{\"id\":" + id
                + ",\"status\":\"" + status + "\"}}}";
        String key = "{\"id\":" + id + "}";
        return ChangeEvent.of(new RecordedRecord("orders", 0, offset, 0, key.getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8), Map.of()));
    }

    private static final EventExpectation CREATE_10 = EventExpectation.create().with("key.id", "10");
    private static final EventExpectation UPDATE_10 = EventExpectation.op("u").with("key.id", "10").with("after.status", "paid");

    @Test
    void aDuplicateIsNamedWithItsKeyAndOffsets() {
        List<ChangeEvent> events = List.of(event(0, "c", 10, "new"), event(1, "u", 10, "paid"), event(2, "u", 10, "paid"));
        assertThat(Duplicates.describe(events)).containsExactly("2 updates of key {\"id\":10}, at offsets 1 and 2");
    }

    @Test
    void anExactSequenceWithAnExtraEventFailsAtOnceNamingTheDuplicate() {
        Judgement<List<ChangeEvent>> judgement = Sequences.judgeExact(List.of(CREATE_10, UPDATE_10),
                List.of(event(0, "c", 10, "new"), event(1, "u", 10, "paid"), event(2, "u", 10, "paid")), "topic \"orders\"");
        assertThat(judgement.never()).as("more records cannot fix it").isTrue();
        assertThat(judgement.problem()).isEqualTo("there are 3 events where 2 were expected (duplicates: 2 updates of key {\"id\":10}, at offsets 1 and 2)");
        assertThat(judgement.evidence()).endsWith("Differences:\n- record #2 was not expected: op=u key={\"id\":10} before=null "
                + "after={\"id\":10,\"status\":\"paid\"} (offset 2) (a duplicate of record #1)");
    }

    @Test
    void aSwappedPairIsNamedAsOutOfOrder() {
        Judgement<List<ChangeEvent>> judgement = Sequences.judgeExact(List.of(CREATE_10, UPDATE_10),
                List.of(event(0, "u", 10, "paid"), event(1, "c", 10, "new")), "topic \"orders\"");
        assertThat(judgement.never()).isTrue();
        assertThat(judgement.evidence()).contains("- record #0 was not expected: op=u key={\"id\":10}")
                .contains("- expected #1 is missing: an event with op=u, key.id=10, after.status=paid (it is record #0: out of order)");
    }

    @Test
    void aMissingEventAtTheEndIsNotFinalUntilThePipelineSettled() {
        Judgement<List<ChangeEvent>> judgement = Sequences.judgeExact(List.of(CREATE_10, UPDATE_10), List.of(event(0, "c", 10, "new")), "topic \"orders\"");
        assertThat(judgement.never()).isFalse();
        assertThat(judgement.passed()).isFalse();
        assertThat(judgement.problem()).isEqualTo("there is 1 event where 2 were expected");
        assertThat(judgement.evidence()).endsWith("- expected #1 is missing: an event with op=u, key.id=10, after.status=paid");
    }

    @Test
    void aLostEventInTheMiddleIsNamedAndFinal() {
        Judgement<List<ChangeEvent>> judgement = Sequences.judgeExact(List.of(CREATE_10, UPDATE_10, EventExpectation.create().with("key.id", "11")),
                List.of(event(0, "c", 10, "new"), event(1, "c", 11, "new")), "topic \"orders\"");
        assertThat(judgement.never()).as("the record after the gap is there for good").isTrue();
        assertThat(judgement.evidence()).endsWith("- expected #1 is missing: an event with op=u, key.id=10, after.status=paid");
    }

    @Test
    void aChangedEventIsShownWithItsDifferences() {
        Judgement<List<ChangeEvent>> judgement = Sequences.judgeExact(List.of(CREATE_10, UPDATE_10),
                List.of(event(0, "c", 10, "new"), event(1, "u", 10, "tampered")), "topic \"orders\"");
        assertThat(judgement.never()).isTrue();
        assertThat(judgement.evidence()).endsWith("- record #1 differs from expected #1: after.status: expected paid but was \"tampered\"");
    }

    @Test
    void aPathTheSchemasDoNotHaveIsImpossibleAndAKnownOneIsNot() {
        List<ChangeEvent> events = List.of(event(0, "c", 10, "new"));
        assertThat(EventPaths.impossible(events, "after.stauts")).isTrue();
        assertThat(EventPaths.impossible(events, "after.status")).isFalse();
        assertThat(EventPaths.impossible(events, "header.anything")).as("headers have no schema").isFalse();
        assertThat(EventPaths.known(events)).isEqualTo("after.id, after.status, before, key.id, op");
    }

    @Test
    void theLedgerCountsWhatComesAfterTheLastMatchedRecord() {
        MatchLedger ledger = new MatchLedger();
        List<ChangeEvent> events = List.of(event(0, "c", 10, "new"), event(1, "u", 10, "paid"), event(2, "c", 11, "new"));
        assertThat(ledger.beyond("orders", records(events))).hasSize(3);
        ledger.matched(events.get(1).record());
        assertThat(ledger.beyond("orders", records(events))).extracting(RecordedRecord::offset).containsExactly(2L);
        assertThat(ledger.wasMatched(events.get(1).record())).isTrue();
        assertThat(ledger.describe("orders")).isEqualTo("earlier checks matched records of topic \"orders\" up to offset 1");
    }

    @Test
    void aFinalVerdictEndsTheWaitAtOnceWithTheReasonAndTheEvidence() {
        long started = System.nanoTime();
        assertThatThrownBy(() -> Eventually.within(Duration.ofSeconds(30), () -> "connector x: RUNNING")
                .until("topic \"orders\" to hold exactly 2 records", () -> Eventually.Attempt.finalFailure("it holds 3", "#2 op=u ...")))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Expected topic \"orders\" to hold exactly 2 records, but it holds 3.\n\nWhat was seen:\n  #2 op=u ...\n\nconnector x: RUNNING");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aTimeoutCarriesTheLastLookAndTheAdvice() {
        assertThatThrownBy(() -> Eventually.within(Duration.ofMillis(50), Diagnostics.NONE)
                .until("something", () -> Eventually.Attempt.failure("not yet")))
                .hasMessage("Expected something within 50 ms, but it did not happen.\n\nWhat was seen:\n  not yet\n\n"
                        + "(The timeout is cdc.timeout=50 ms; raise it only if the pipeline is just slow.)");
        assertThat(Eventually.within(Duration.ofMillis(50), Diagnostics.NONE).tryUntil("something", () -> Eventually.Attempt.failure("not yet")))
                .isEmpty();
    }

    @Test
    void aNoFurtherCheckOnABlindScenarioIsRefused() {
        CheckContext context = new CheckContext(null, null, Settling.IMMEDIATE, new MatchLedger(),
                () -> List.of("\"INSERT ...\" ran with sql_log_bin=0 (its changes never reach the binlog), set by \"SET sql_log_bin=0\""), () -> { });
        assertThatThrownBy(() -> context.refuseIfBlind("no further events on topic \"orders\""))
                .hasMessageStartingWith("Expected no further events on topic \"orders\", but this cannot be judged: statements of this scenario ran "
                        + "where the connector cannot see them");
    }

    @Test
    void aPayloadIsCheckedAgainstTheSchemaItCarries() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var schema = json.readTree(SCHEMA_AFTER);
        assertThat(SchemaConformance.problems(schema, json.readTree("{\"op\":\"c\",\"before\":null,\"after\":{\"id\":10,\"status\":\"new\"}}")))
                .isEmpty();
        assertThat(SchemaConformance.problems(schema, json.readTree("{\"op\":\"c\",\"before\":null,\"after\":{\"id\":\"ten\",\"status\":5,\"extra\":1}}")))
                .containsExactly("after.id: int32 needs a whole number, but was \"ten\"", "after.status: string needs text, but was 5",
                        "after.extra: in the payload, but the schema declares no such field");
        assertThat(SchemaConformance.problems(schema, json.readTree("{\"before\":null,\"after\":null}")))
                .containsExactly("op: null, but the schema says it is required (optional=false)");
    }

    private static List<RecordedRecord> records(List<ChangeEvent> events) {
        List<RecordedRecord> records = new ArrayList<>();
        events.forEach(event -> records.add(event.record()));
        return records;
    }
}
