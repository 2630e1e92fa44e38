package io.cdcharness.assertions;

import java.util.Collection;
import java.util.Optional;

/**
 * The settling rule every exact, negative, ordered or counted check follows: write a marker into the
 * binlog, wait until every connector of the scenario has stored an offset past it (Connect stores an
 * offset only once every record before it is acknowledged by Kafka), read the checked topics to their
 * end offsets, and only then judge the whole topic, once. After that, the topic cannot change any more
 * because of anything the scenario did before the check, so a check that still fails fails at once.
 *
 * <pre>{@code
 * Settling.Progress progress = settling.begin();
 * Settling.State state = progress.check(List.of("shop.shop.orders"));   // one look, no waiting
 * if (state.settled()) { ... judge the topic now ... }
 * }</pre>
 */
public interface Settling {

    /** Starts settling now: what the database wrote to the binlog before this call will be in the topics once settled. */
    Progress begin();

    /**
     * Settles and waits for it (no topic to read): returns once every connector has caught up, fails at
     * once when one has failed, and after the timeout with what it still waits for.
     */
    default void await(Eventually eventually, String expectation) {
        Progress progress = begin();
        eventually.until(expectation, () -> {
            State state = progress.check(java.util.List.of());
            if (state.failure().isPresent()) {
                return Eventually.Attempt.finalFailure(state.failure().get(), "");
            }
            return state.settled() ? Eventually.Attempt.success(true) : Eventually.Attempt.failure(state.description());
        });
    }

    /** One settling in progress. */
    interface Progress {
        /** Looks once, without waiting, whether the pipeline has caught up and the topics are read to their ends. */
        State check(Collection<String> topics);
    }

    /**
     * @param settled     true once the topics can be judged
     * @param description how the pipeline settled, or what it still waits for, for failure messages
     * @param failure     a connector failed: settling can never finish (a final verdict)
     */
    record State(boolean settled, String description, Optional<String> failure) {
        public static State settled(String how) {
            return new State(true, how, Optional.empty());
        }

        public static State waiting(String forWhat) {
            return new State(false, forWhat, Optional.empty());
        }

        public static State failed(String why) {
            return new State(false, why, Optional.of(why));
        }
    }

    /** No pipeline to wait for: settled at once (unit tests of checks, and checks of a topic no connector writes). */
    Settling IMMEDIATE = () -> topics -> State.settled("nothing was in flight");
}
