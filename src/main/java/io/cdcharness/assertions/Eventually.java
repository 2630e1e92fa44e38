package io.cdcharness.assertions;

import io.cdcharness.stack.Durations;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The one waiting mechanism of the harness. It polls an attempt until it succeeds or the timeout
 * passes; a timeout fails with what was expected, what the last attempt saw, and the diagnostics.
 *
 * <pre>{@code
 * Event event = Eventually.within(Duration.ofSeconds(30), diagnostics)
 *         .until("topic orders receives a create event", () -> findCreate(recorder.records("orders")));
 * }</pre>
 */
public final class Eventually {
    private static final Duration POLL = Duration.ofMillis(10);

    private final Duration timeout;
    private final Diagnostics diagnostics;

    private Eventually(Duration timeout, Diagnostics diagnostics) {
        this.timeout = timeout;
        this.diagnostics = diagnostics;
    }

    public static Eventually within(Duration timeout, Diagnostics diagnostics) {
        return new Eventually(timeout, diagnostics);
    }

    /** The outcome of one look: either the value that satisfies the expectation, or what was seen instead. */
    public record Attempt<T>(Optional<T> value, String seen) {
        public static <T> Attempt<T> success(T value) {
            return new Attempt<>(Optional.of(value), "");
        }

        public static <T> Attempt<T> failure(String seen) {
            return new Attempt<>(Optional.empty(), seen);
        }
    }

    /** Polls until an attempt succeeds; returns its value. Exceptions of an attempt fail at once. */
    public <T> T until(String expectation, Supplier<Attempt<T>> attempt) {
        AtomicReference<Attempt<T>> last = new AtomicReference<>(Attempt.failure("(nothing was looked at yet)"));
        try {
            Awaitility.await(expectation)
                    .atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(POLL)
                    .until(() -> {
                        Attempt<T> current = attempt.get();
                        last.set(current);
                        return current.value().isPresent();
                    });
            return last.get().value().orElseThrow();
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(timeoutMessage(expectation, last.get().seen()), null);
        }
    }

    private String timeoutMessage(String expectation, String seen) {
        StringBuilder text = new StringBuilder("Expected ").append(expectation).append(" within ")
                .append(Durations.format(timeout)).append(", but it did not happen.");
        if (!seen.isBlank()) {
            text.append("\n\nWhat was seen:\n").append(indent(seen));
        }
        String state = diagnostics.describe();
        if (!state.isBlank()) {
            text.append("\n\n").append(state);
        }
        text.append("\n\n(The timeout is cdc.timeout=").append(Durations.format(timeout)).append("; raise it only if the pipeline is just slow.)");
        return text.toString();
    }

    static String indent(String text) {
        return "  " + text.replace("\n", "\n  ");
    }
}
