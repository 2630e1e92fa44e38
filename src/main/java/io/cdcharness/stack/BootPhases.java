package io.cdcharness.stack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How the stacks of this JVM booted: each service, when it began and when it was ready, relative to
 * the start of its boot. The stacks record; the CDC report ({@code reports/index.html}) draws it.
 *
 * <pre>{@code
 * BootPhases.Boot boot = BootPhases.begin("embedded stack (MySQL 8.0.31)");
 * boot.phase("kafka", Duration.ofMillis(300), Duration.ofMillis(2800));
 * boot.ready(Duration.ofMillis(4800));
 * BootPhases.all();   // every boot of this JVM, oldest first
 * }</pre>
 */
public final class BootPhases {
    private static final List<Boot> BOOTS = new ArrayList<>();

    private BootPhases() {
    }

    /** One service's start: began {@code start} after the boot began, and took {@code took}. */
    public record Phase(String service, Duration start, Duration took) {
        public Duration end() {
            return start.plus(took);
        }
    }

    /** One boot of a stack. */
    public static final class Boot {
        private final String stack;
        private final Instant began;
        private final List<Phase> phases = new ArrayList<>();
        private Duration total;

        private Boot(String stack, Instant began) {
            this.stack = stack;
            this.began = began;
        }

        public synchronized void phase(String service, Duration start, Duration took) {
            phases.add(new Phase(service, start, took));
        }

        public synchronized void ready(Duration total) {
            this.total = total;
        }

        public String stack() {
            return stack;
        }

        public Instant began() {
            return began;
        }

        public synchronized List<Phase> phases() {
            return List.copyOf(phases);
        }

        /** Until the stack was ready; null while it boots or when it failed. */
        public synchronized Duration total() {
            return total;
        }
    }

    public static Boot begin(String stack) {
        Boot boot = new Boot(stack, Instant.now());
        synchronized (BOOTS) {
            BOOTS.add(boot);
        }
        return boot;
    }

    /**
     * A boot that happened elsewhere (another JVM, a shard of the run), read back from the report's data; it is
     * not added to this JVM's boots.
     *
     * @param total until the stack was ready, or null when it never was
     */
    public static Boot recorded(String stack, Instant began, List<Phase> phases, Duration total) {
        Boot boot = new Boot(stack, began);
        phases.forEach(phase -> boot.phase(phase.service(), phase.start(), phase.took()));
        boot.total = total;
        return boot;
    }

    public static List<Boot> all() {
        synchronized (BOOTS) {
            return List.copyOf(BOOTS);
        }
    }
}
