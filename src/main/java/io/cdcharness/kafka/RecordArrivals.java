package io.cdcharness.kafka;

import java.time.Duration;

/**
 * Tells waiters that a recorder stored new records, so that a check looks again at once instead of at
 * its next poll. A waiter takes a {@link #mark()} before it looks, then waits for a later arrival:
 *
 * <pre>{@code
 * long mark = RecordArrivals.mark();
 * if (!lookedAndFound()) {
 *     RecordArrivals.awaitAfter(mark, Duration.ZERO, Duration.ofMillis(10)); // returns early when records arrive
 * }
 * }</pre>
 *
 * Taking the mark first means an arrival between the look and the wait is never missed. One signal
 * serves every recorder of the JVM: a waiter woken for another topic just looks again.
 */
public final class RecordArrivals {
    private static final Object LOCK = new Object();
    private static long arrivals;

    private RecordArrivals() {
    }

    /** The number of arrivals so far: pass it to {@link #awaitAfter}. */
    public static long mark() {
        synchronized (LOCK) {
            return arrivals;
        }
    }

    /**
     * Waits until an arrival after {@code mark} once {@code notBefore} has passed, or for {@code atMost}.
     * {@code notBefore} paces a costly look: a check that takes 40 ms to look waits 40 ms before the next
     * look, however fast records arrive, so that checking never starves the pipeline it checks.
     */
    public static void awaitAfter(long mark, Duration notBefore, Duration atMost) throws InterruptedException {
        long start = System.nanoTime();
        long earliest = start + Math.min(notBefore.toNanos(), atMost.toNanos());
        long deadline = start + atMost.toNanos();
        synchronized (LOCK) {
            while (true) {
                long now = System.nanoTime();
                boolean arrived = arrivals != mark && now - earliest >= 0;
                if (arrived || now - deadline >= 0) {
                    return;
                }
                long until = arrivals != mark ? earliest : deadline;
                LOCK.wait(Math.max(1, (until - now) / 1_000_000));
            }
        }
    }

    static void signal() {
        synchronized (LOCK) {
            arrivals++;
            LOCK.notifyAll();
        }
    }
}
