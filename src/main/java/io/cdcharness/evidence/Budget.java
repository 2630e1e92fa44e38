package io.cdcharness.evidence;

import java.util.ArrayList;
import java.util.List;

/**
 * How many bytes one evidence folder may still take, and what was cut to stay within it. A folder gets
 * the smaller of {@code cdc.evidence.scenario.limit} and what is left of {@code cdc.evidence.run.limit}.
 */
final class Budget {
    private final long total;
    private final String why;
    private long remaining;
    private final List<String> cuts = new ArrayList<>();

    Budget(long total, String why) {
        this.total = Math.max(0, total);
        this.remaining = this.total;
        this.why = why;
    }

    long total() {
        return total;
    }

    long remaining() {
        return remaining;
    }

    long spent() {
        return total - remaining;
    }

    /** What a part may take: its share of the whole folder, or what is left, whichever is smaller. */
    long allowance(double share) {
        return Math.max(0, Math.min(remaining, (long) (total * share)));
    }

    void spend(long bytes) {
        remaining = Math.max(0, remaining - bytes);
    }

    void cut(String what) {
        cuts.add(what + " (" + why + ")");
    }

    List<String> cuts() {
        return List.copyOf(cuts);
    }

    String why() {
        return why;
    }
}
