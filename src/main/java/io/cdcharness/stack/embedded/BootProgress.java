package io.cdcharness.stack.embedded;

import io.cdcharness.stack.Durations;

import java.io.PrintStream;
import java.time.Duration;

/** Prints one line per booted service with how long it took since the boot began. */
final class BootProgress {
    private final PrintStream out;
    private final long startNanos = System.nanoTime();

    BootProgress(PrintStream out) {
        this.out = out;
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    synchronized void line(String text) {
        out.println("[cdc-harness] " + text);
        out.flush();
    }

    /** Runs one boot step and reports it: {@code   kafka     ready at 3.1 s (took 2.8 s)  127.0.0.1:40125}. */
    <T> T step(String service, java.util.function.Supplier<T> work, java.util.function.Function<T, String> where) {
        long begin = System.nanoTime();
        T result = work.get();
        Duration took = Duration.ofNanos(System.nanoTime() - begin);
        line(String.format(java.util.Locale.ROOT, "  %-8s ready at %-7s (took %s)  %s", service,
                Durations.format(elapsed()), Durations.format(took), where.apply(result)));
        return result;
    }
}
