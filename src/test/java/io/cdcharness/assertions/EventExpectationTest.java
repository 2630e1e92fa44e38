package io.cdcharness.assertions;

import io.cdcharness.kafka.ChangeEvent;
import io.cdcharness.kafka.RecordedRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EventExpectationTest {

    static ChangeEvent event(String valueJson) {
        byte[] value = valueJson == null ? null : valueJson.getBytes(StandardCharsets.UTF_8);
        return ChangeEvent.of(new RecordedRecord("t", 0, 0, 0, null, value, Map.of()));
    }

    private static final ChangeEvent JACK = event("""
            {"schema": {"type": "struct"}, "payload": {"op": "c", "before": null,
             "after": {"uid": 1, "name": "jack", "score": 1.50, "note": null},
             "source": {"table": "user_account", "db": "user"}}}
            """);

    @Test
    void fieldsMatchByPathAndByValueAsWritten() {
        EventExpectation expectation = EventExpectation.create()
                .withAll("after", Map.of("uid", "1", "name", "jack", "score", "1.5", "note", "null"))
                .with("source.table", "user_account");
        assertThat(expectation.matches(JACK)).isTrue();
    }

    @Test
    void mismatchesSayWhatWasExpectedAndWhatWasThere() {
        EventExpectation expectation = EventExpectation.op("u").with("after.name", "jill").with("after.missing", "x");
        assertThat(expectation.mismatches(JACK)).containsExactly(
                "op: expected \"u\" but was \"c\"",
                "after.name: expected jill but was \"jack\"",
                "after.missing: expected x but was (absent)");
    }

    @Test
    void unknownPathsAreListedWithThePathsThatExist() {
        EventExpectation expectation = EventExpectation.create().with("after.nmae", "jack");
        assertThat(expectation.unknownPaths(List.of(JACK))).containsExactly("after.nmae");
        assertThat(EventExpectation.knownPaths(List.of(JACK)))
                .isEqualTo("after.name, after.note, after.score, after.uid, before, op, source.db, source.table");
    }

    @Test
    void aTombstoneIsNoCreate() {
        ChangeEvent tombstone = event(null);
        assertThat(tombstone.isTombstone()).isTrue();
        assertThat(EventExpectation.create().mismatches(tombstone)).containsExactly("op: expected \"c\" but was a tombstone");
    }

    @Test
    void ddlComparesWithoutCaseBackticksOrLineBreaks() {
        assertThat(TopicAssert.normalize("CREATE TABLE `user_account` (\n  `uid` int"))
                .contains(TopicAssert.normalize("create table user_account"));
    }
}
