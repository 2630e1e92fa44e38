package io.cdcharness.assertions;

import io.cdcharness.kafka.TopicRecorder;

import java.util.List;
import java.util.function.Supplier;

/**
 * What every check of one scenario works with: the recorded topics, the waiting mechanism, the
 * settling rule, the records earlier checks matched, and the statements that ran unseen by the binlog.
 *
 * @param blindSpots statements of the scenario that ran with {@code sql_log_bin=0} or another setting
 *                   that hides them from Debezium, one line each (see {@code Database.blindSpots()})
 * @param catchUp    reads every topic there is to its end (briefly), so that a failure can name a
 *                   matching record on another topic; called only when a check has failed
 */
public record CheckContext(TopicRecorder recorder, Eventually eventually, Settling settling, MatchLedger ledger,
                           Supplier<List<String>> blindSpots, Runnable catchUp) {

    /** The same context with another timeout. */
    public CheckContext with(Eventually other) {
        return new CheckContext(recorder, other, settling, ledger, blindSpots, catchUp);
    }

    /**
     * Refuses a check that would pass without testing anything because some statements never reached
     * the binlog as Debezium needs it.
     */
    void refuseIfBlind(String expectation) {
        List<String> spots = blindSpots.get();
        if (!spots.isEmpty()) {
            throw new AssertionError("Expected " + expectation + ", but this cannot be judged: statements of this scenario ran "
                    + "where the connector cannot see them, so the check would pass without testing anything:\n  - "
                    + String.join("\n  - ", spots)
                    + "\nRemove the SET from the scenario (each scenario starts with a fresh session), or check what the "
                    + "connector did see with a positive step (\"receives\", \"holds exactly\").", null);
        }
    }

    /** A note for failure messages about statements the binlog never saw; empty when there are none. */
    String blindNote() {
        List<String> spots = blindSpots.get();
        return spots.isEmpty() ? "" : "\nNote: some statements of this scenario never reached the binlog as Debezium needs it:\n  - "
                + String.join("\n  - ", spots);
    }
}
