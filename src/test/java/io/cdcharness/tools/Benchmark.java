package io.cdcharness.tools;

import io.cdcharness.CdcHarness;
import io.cdcharness.assertions.EventExpectation;
import io.cdcharness.kafka.ChangeEvent;
import io.cdcharness.stack.Settings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Measures what users wait for: boot to streaming (per service), the per-scenario reset, and the
 * latency from a commit to the change event being read from Kafka. Prints figures; asserts nothing.
 *
 * <pre>
 * ./benchmark                 # 3 boots, 200 latency samples, 5 resets
 * ./benchmark --runs 1 -Dcdc.database=mariadb
 * </pre>
 */
public final class Benchmark {
    private static final String SEED = "connectors/my-source-connector.json";

    private Benchmark() {
    }

    public static void main(String[] args) {
        int runs = intArg(args, "--runs", 3);
        int samples = intArg(args, "--samples", 200);
        int resets = intArg(args, "--resets", 5);
        String features = stringArg(args, "--features", "");
        Settings settings = Settings.load();
        List<Long> bootToStreaming = new ArrayList<>();
        List<Long> stackReady = new ArrayList<>();
        List<Long> registerToStreaming = new ArrayList<>();
        List<Long> resetCosts = new ArrayList<>();
        List<Long> latencies = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            System.out.println("\n=== run " + run + " of " + runs + " (" + settings.database().displayName() + ")");
            long begin = System.nanoTime();
            try (CdcHarness cdc = CdcHarness.start(settings)) {
                long ready = System.nanoTime();
                cdc.register(SEED);
                long streaming = System.nanoTime();
                stackReady.add(millis(ready - begin));
                registerToStreaming.add(millis(streaming - ready));
                bootToStreaming.add(millis(streaming - begin));
                System.out.printf(Locale.ROOT, "boot to streaming: %d ms (stack ready %d ms, register to streaming %d ms)%n",
                        millis(streaming - begin), millis(ready - begin), millis(streaming - ready));
                if (run == runs) {
                    latencies.addAll(latency(cdc, samples));
                    resetCosts.addAll(resetCost(cdc, resets));
                }
            }
        }
        long suiteMillis = features.isEmpty() ? -1 : runFeatures(features);
        System.out.println("\n=== summary (" + settings.stack().name().toLowerCase() + " stack, " + settings.database().displayName()
                + ", " + runs + " boots)");
        report("stack ready (all services)", stackReady);
        report("register -> streaming", registerToStreaming);
        report("boot -> streaming (total)", bootToStreaming);
        report("per-scenario reset", resetCosts);
        report("commit -> event consumed", latencies);
        if (suiteMillis >= 0) {
            System.out.printf(Locale.ROOT, "%-28s %d ms (%s, boot included)%n", "feature suite", suiteMillis, features);
        }
        System.out.printf(Locale.ROOT, "RESULT stack=%s database=%s boot_to_streaming_ms=%d suite_ms=%d latency_p50_ms=%d latency_p95_ms=%d reset_p50_ms=%d%n",
                settings.stack().name().toLowerCase(), settings.database().name().toLowerCase(), median(bootToStreaming), suiteMillis,
                median(latencies), latencies.isEmpty() ? -1 : percentile(sorted(latencies), 95), median(resetCosts));
    }

    /** Runs feature files with the step library on a freshly booted shared stack; returns the wall time. */
    private static long runFeatures(String features) {
        long begin = System.nanoTime();
        byte status = io.cucumber.core.cli.Main.run(new String[] {"--glue", "io.cdcharness.cucumber", "--plugin",
                "io.cdcharness.report.ScenarioTimings", features}, Thread.currentThread().getContextClassLoader());
        long millis = millis(System.nanoTime() - begin);
        if (status != 0) {
            System.out.println("the features failed (exit " + status + "); the suite time is still reported");
        }
        return millis;
    }

    private static long median(List<Long> values) {
        return values.isEmpty() ? -1 : percentile(sorted(values), 50);
    }

    private static List<Long> sorted(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted;
    }

    private static String stringArg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    /** Inserts rows one by one and times each commit until the harness has read its change event. */
    private static List<Long> latency(CdcHarness cdc, int samples) {
        cdc.database().execute("CREATE DATABASE user; CREATE TABLE user.latency (id INT PRIMARY KEY, note VARCHAR(40))");
        String topic = "originDB.user.latency";
        cdc.recorder().watch(topic);
        List<Long> micros = new ArrayList<>();
        for (int i = 1; i <= samples; i++) {
            cdc.database().execute("INSERT INTO user.latency VALUES (" + i + ", 'sample')");
            long committed = System.nanoTime();
            int id = i;
            cdc.eventually().until("the event of row " + id, () -> {
                List<ChangeEvent> events = cdc.recorder().records(topic).stream().map(ChangeEvent::of).toList();
                for (int k = events.size() - 1; k >= 0; k--) {
                    if (EventExpectation.create().with("after.id", Integer.toString(id)).matches(events.get(k))) {
                        return io.cdcharness.assertions.Eventually.Attempt.success(true);
                    }
                }
                return io.cdcharness.assertions.Eventually.Attempt.failure(events.size() + " events");
            });
            micros.add((System.nanoTime() - committed) / 1000);
        }
        return micros.stream().map(us -> us / 1000).toList();
    }

    /** Registers the seed connector and writes a row, then measures the reset that clears it all. */
    private static List<Long> resetCost(CdcHarness cdc, int count) {
        List<Long> costs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long begin = System.nanoTime();
            cdc.reset();
            costs.add(millis(System.nanoTime() - begin));
            cdc.register(SEED);
            cdc.database().execute("CREATE DATABASE user; CREATE TABLE user.t (id INT PRIMARY KEY); INSERT INTO user.t VALUES (1)");
            cdc.topic("originDB.user.t").receives(EventExpectation.create().with("after.id", "1"));
        }
        return costs;
    }

    private static void report(String what, List<Long> values) {
        if (values.isEmpty()) {
            return;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "%-28s n=%-4d p50 %6d ms   p95 %6d ms   min %6d ms   max %6d ms%n", what, sorted.size(),
                percentile(sorted, 50), percentile(sorted, 95), sorted.get(0), sorted.get(sorted.size() - 1));
    }

    private static long percentile(List<Long> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static long millis(long nanos) {
        return Duration.ofNanos(nanos).toMillis();
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                try {
                    return Integer.parseInt(args[i + 1]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(name + " takes a whole number, not \"" + args[i + 1] + "\"");
                }
            }
        }
        return fallback;
    }
}
