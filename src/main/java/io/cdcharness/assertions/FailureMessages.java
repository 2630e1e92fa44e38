package io.cdcharness.assertions;

import io.cdcharness.stack.Durations;
import io.cdcharness.stack.Secrets;

/**
 * The two shapes every failed check takes, so that all failures read alike: a timeout ("Expected X
 * within 30 s, but it did not happen.") and a verdict ("Expected X, but Y."), each followed by what
 * was seen and the state of the pipeline. Secrets are masked ({@link Secrets}).
 */
final class FailureMessages {
    private FailureMessages() {
    }

    static String timeout(String expectation, java.time.Duration timeout, String seen, String diagnostics) {
        StringBuilder text = new StringBuilder("Expected ").append(expectation).append(" within ")
                .append(Durations.format(timeout)).append(", but it did not happen.");
        appendSeen(text, seen, diagnostics);
        text.append("\n\n(The timeout is cdc.timeout=").append(Durations.format(timeout)).append("; raise it only if the pipeline is just slow.)");
        return Secrets.scrub(text.toString());
    }

    static String verdict(String expectation, String reason, String seen, String diagnostics) {
        StringBuilder text = new StringBuilder("Expected ").append(expectation).append(", but ").append(reason);
        if (!reason.endsWith(".") && !reason.endsWith(":")) {
            text.append('.');
        }
        appendSeen(text, seen, diagnostics);
        return Secrets.scrub(text.toString());
    }

    private static void appendSeen(StringBuilder text, String seen, String diagnostics) {
        if (seen != null && !seen.isBlank()) {
            text.append("\n\nWhat was seen:\n").append(indent(seen));
        }
        if (diagnostics != null && !diagnostics.isBlank()) {
            text.append("\n\n").append(diagnostics);
        }
    }

    static String indent(String text) {
        return "  " + text.replace("\n", "\n  ");
    }
}
