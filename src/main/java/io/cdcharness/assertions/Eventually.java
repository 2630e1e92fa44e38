package io.cdcharness.assertions;

import io.cdcharness.stack.Durations;
import io.cdcharness.kafka.RecordArrivals;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one waiting mechanism of the harness. It polls an attempt until the attempt succeeds, gives a
 * final verdict, or the timeout passes. A timeout fails with what was expected, what the last attempt
 * saw, and the diagnostics; a final verdict (a FAILED task, a check that can no longer pass once the
 * pipeline has settled) fails at once, the same way, without waiting out the timeout.
 *
 * <pre>{@code
 * Event event = Eventually.within(Duration.ofSeconds(30), diagnostics)
 *         .until("topic orders to receive a create event", () -> {
 *             Optional<Event> found = findCreate(recorder.records("orders"));
 *             return found.map(Attempt::success).orElseGet(() -> Attempt.failure("no create yet"));
 *         });
 * }</pre>
 */
public final class Eventually {
    private static final long POLL_MILLIS = 10;
    private static final Duration POLL = Duration.ofMillis(POLL_MILLIS);
    /** Between two looks at least this long, also when records stream in: a bulk load wakes every waiter often. */
    private static final Duration MIN_PAUSE = Duration.ofMillis(1);

    private final Duration timeout;
    private final Diagnostics diagnostics;

    private Eventually(Duration timeout, Diagnostics diagnostics) {
        this.timeout = timeout;
        this.diagnostics = diagnostics;
    }

    public static Eventually within(Duration timeout, Diagnostics diagnostics) {
        return new Eventually(timeout, diagnostics);
    }

    public Duration timeout() {
        return timeout;
    }

    /**
     * The outcome of one look: the value that satisfies the expectation; what was seen instead (keep
     * waiting); or a final verdict: why the expectation can no longer be met (stop waiting).
     */
    public record Attempt<T>(Optional<T> value, String seen, Optional<String> verdict) {
        public static <T> Attempt<T> success(T value) {
            return new Attempt<>(Optional.of(value), "", Optional.empty());
        }

        /** Not yet: poll again. {@code seen} explains the state if the timeout passes now. */
        public static <T> Attempt<T> failure(String seen) {
            return new Attempt<>(Optional.empty(), seen, Optional.empty());
        }

        /**
         * Never: the expectation cannot be met any more, so the wait ends at once. {@code reason}
         * completes "Expected ..., but {reason}."; {@code seen} shows the evidence.
         */
        public static <T> Attempt<T> finalFailure(String reason, String seen) {
            return new Attempt<>(Optional.empty(), seen, Optional.of(reason));
        }

        boolean isDone() {
            return value.isPresent() || verdict.isPresent();
        }
    }

    /** Polls until an attempt succeeds; returns its value. A final verdict or an exception of an attempt fails at once. */
    public <T> T until(String expectation, Supplier<Attempt<T>> attempt) {
        Outcome<T> outcome = poll(expectation, attempt);
        return outcome.value().orElseThrow(() -> new AssertionError(
                FailureMessages.timeout(expectation, timeout, outcome.lastSeen(), diagnostics.describe()), null));
    }

    /**
     * Like {@link #until}, but a timeout is an answer, not a failure: empty when the attempt did not
     * succeed in time. A final verdict still fails at once.
     */
    public <T> Optional<T> tryUntil(String expectation, Supplier<Attempt<T>> attempt) {
        return poll(expectation, attempt).value();
    }

    private record Outcome<T>(Optional<T> value, String lastSeen) {
    }

    /**
     * Looks, and between looks waits {@value #POLL_MILLIS} ms or until a recorder stores new records,
     * whichever comes first: most expectations are about records, and they are met the moment one arrives.
     * A look that took long is followed by a pause as long (see {@link RecordArrivals#awaitAfter}).
     */
    private <T> Outcome<T> poll(String expectation, Supplier<Attempt<T>> attempt) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Attempt<T> last;
        while (true) {
            long mark = RecordArrivals.mark();
            long began = System.nanoTime();
            last = attempt.get();
            long cost = System.nanoTime() - began;
            long left = deadline - System.nanoTime();
            if (last.isDone() || left <= 0) {
                break;
            }
            try {
                RecordArrivals.awaitAfter(mark, Duration.ofNanos(Math.max(cost, MIN_PAUSE.toNanos())),
                        Duration.ofNanos(Math.min(left, Math.max(cost, POLL.toNanos()))));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + expectation
                        + "; the run is being stopped. Last seen: " + last.seen(), e);
            }
        }
        if (last.verdict().isPresent()) {
            throw new AssertionError(FailureMessages.verdict(expectation, last.verdict().get(), last.seen(),
                    diagnostics.describe()), null);
        }
        return new Outcome<>(last.value(), last.seen());
    }
}
