package io.cdcharness.stack.embedded;

import io.cdcharness.stack.BootPhases;
import io.cdcharness.stack.Durations;
import io.cdcharness.stack.HarnessLog;

import java.time.Duration;

/** Logs one line per booted service with how long it took since the boot began, and records the phases for the report. */
final class BootProgress {
    private final long startNanos = System.nanoTime();
    private final BootPhases.Boot boot;

    BootProgress(String stack) {
        this.boot = BootPhases.begin(stack);
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    synchronized void line(String text) {
        HarnessLog.info(text);
    }

    void ready() {
        boot.ready(elapsed());
        line("stack ready in " + Durations.format(elapsed()));
    }

    /** Runs one boot step and reports it: {@code   kafka     ready at 3.1 s (took 2.8 s)  127.0.0.1:40125}. */
    <T> T step(String service, java.util.function.Supplier<T> work, java.util.function.Function<T, String> where) {
        long begin = System.nanoTime();
        T result = work.get();
        Duration took = Duration.ofNanos(System.nanoTime() - begin);
        boot.phase(service, Duration.ofNanos(begin - startNanos), took);
        line(String.format(java.util.Locale.ROOT, "  %-8s ready at %-7s (took %s)  %s", service,
                Durations.format(elapsed()), Durations.format(took), where.apply(result)));
        return result;
    }
}
