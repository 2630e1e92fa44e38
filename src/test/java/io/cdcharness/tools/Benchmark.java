package io.cdcharness.tools;

import io.cdcharness.CdcHarness;
import io.cdcharness.assertions.EventExpectation;
import io.cdcharness.assertions.Eventually;
import io.cdcharness.kafka.ChangeEvent;
import io.cdcharness.stack.Settings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures what users wait for, on one stack: boot to streaming (per service), the first step of a run
 * attached to a warm stack and of one that boots, the per-scenario reset, the latency from a commit to
 * the change event being read from Kafka, 10k and 100k rows until reconciled (with the harness's heap),
 * the resident memory of the stack, and with {@code --features} the suite serially and on a pool of
 * stacks. Prints figures, a {@code RESULT} line and a markdown table; asserts nothing.
 *
 * <pre>
 * ./benchmark                 # 3 boots, 200 latency samples, 5 resets, 10k and 100k rows
 * ./benchmark --runs 1 -Dcdc.database=mariadb
 * ./benchmark --stacks embedded,containers --features features/seed
 * </pre>
 */
public final class Benchmark {
    private static final String SEED = "connectors/my-source-connector.json";
    private static final int POOL = 2;
    /** Settings that each child process decides for itself (where it writes, pools, warm stacks). */
    private static final List<String> CHILD_DECIDES = List.of("cdc.project.dir", "cdc.pool", "cdc.reuse", "cdc.reports.dir");

    private final Settings settings;
    private final Map<String, Object> result = new LinkedHashMap<>();

    private Benchmark(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        String suite = stringArg(args, SuiteRuns.SUITE_OPTION, "");
        if (!suite.isEmpty()) {
            System.exit(SuiteRuns.runHere(suite, intArg(args, SuiteRuns.THREADS_OPTION, 1)));
        }
        Benchmark benchmark = new Benchmark(Settings.load());
        benchmark.measureOwnStack(intArg(args, "--runs", 3), intArg(args, "--samples", 200), intArg(args, "--resets", 5),
                bulkSizes(stringArg(args, "--rows", "10000,100000")));
        benchmark.measureWarmAttach(intArg(args, "--runs", 3));
        benchmark.measureSuites(stringArg(args, "--features", ""));
        benchmark.printResult();
        System.exit(0); // the recorder's and clients' threads of closed stacks must not keep the JVM
    }

    // ---- on a stack of this JVM ----

    /** {@code runs} boots; on the last stack also the latency, resets, rows and memory figures. */
    private void measureOwnStack(int runs, int samples, int resets, List<Integer> bulkSizes) {
        List<Long> bootToStreaming = new ArrayList<>();
        List<Long> stackReady = new ArrayList<>();
        List<Long> registerToStreaming = new ArrayList<>();
        result.put("runs", runs);
        result.put("boot_to_streaming_ms", -1); // first in the RESULT line; the median comes after the runs
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
                    measureOnWarmedStack(cdc, samples, resets, bulkSizes);
                }
            }
        }
        System.out.println("\n=== boots (" + settings.stack().name().toLowerCase(Locale.ROOT) + " stack, " + settings.database().displayName() + ")");
        report("stack ready (all services)", stackReady);
        report("register -> streaming", registerToStreaming);
        report("boot -> streaming (total)", bootToStreaming);
        result.put("boot_to_streaming_ms", median(bootToStreaming));
        result.put("stack_ready_ms", median(stackReady));
        result.put("register_to_streaming_ms", median(registerToStreaming));
    }

    private void measureOnWarmedStack(CdcHarness cdc, int samples, int resets, List<Integer> bulkSizes) {
        List<Long> latencies = latency(cdc, samples);
        report("commit -> event consumed", latencies);
        result.put("latency_p50_ms", percentileOrNone(latencies, 50));
        result.put("latency_p95_ms", percentileOrNone(latencies, 95));
        result.put("latency_p99_ms", percentileOrNone(latencies, 99));
        List<Long> warmRegistrations = new ArrayList<>();
        List<Long> resetCosts = resetCost(cdc, resets, warmRegistrations);
        report("per-scenario reset", resetCosts);
        report("register -> streaming, warm worker", warmRegistrations);
        result.put("reset_p50_ms", percentileOrNone(resetCosts, 50));
        result.put("reset_p95_ms", percentileOrNone(resetCosts, 95));
        result.put("register_warm_p50_ms", percentileOrNone(warmRegistrations, 50));
        boolean memoryMeasured = false;
        for (int rows : bulkSizes) {
            if (rows > 10_000 && !memoryMeasured) {
                measureMemory(); // the stack after the usual work, before the big load fills the recorder
                memoryMeasured = true;
            }
            recordBulk(BulkRows.insertAndReconcile(cdc, rows));
        }
        if (!memoryMeasured) {
            measureMemory();
        }
    }

    private void recordBulk(BulkRows.Figures figures) {
        String prefix = "rows" + (figures.rows() % 1000 == 0 ? figures.rows() / 1000 + "k" : Integer.toString(figures.rows()));
        result.put(prefix + "_ms", figures.reconciledMillis());
        result.put(prefix + "_insert_ms", figures.insertedMillis());
        if (figures.rows() == 100_000) {
            result.put("heap_before_100k_mb", megabytes(figures.heapBefore()));
            result.put("heap_after_100k_mb", megabytes(figures.heapAfter()));
            result.put("heap_per_row_bytes", figures.heapBytesPerRow());
        }
    }

    private void measureMemory() {
        StackMemory.Rss rss = StackMemory.measure(settings.stack());
        System.out.println("resident memory: stack services " + StackMemory.megabytes(rss.servicesBytes()) + ", harness JVM "
                + StackMemory.megabytes(rss.harnessBytes()));
        rss.parts().forEach(part -> System.out.println("  " + part));
        result.put("rss_services_mb", megabytes(rss.servicesBytes()));
        result.put("rss_harness_mb", megabytes(rss.harnessBytes()));
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
            awaitEventOfRow(cdc, topic, i);
            micros.add((System.nanoTime() - committed) / 1000);
        }
        return micros.stream().map(us -> us / 1000).toList();
    }

    private static void awaitEventOfRow(CdcHarness cdc, String topic, int id) {
        EventExpectation expected = EventExpectation.create().with("after.id", Integer.toString(id));
        cdc.eventually().until("the event of row " + id, () -> {
            List<ChangeEvent> events = cdc.recorder().records(topic).stream().map(ChangeEvent::of).toList();
            for (int k = events.size() - 1; k >= 0; k--) {
                if (expected.matches(events.get(k))) {
                    return Eventually.Attempt.success(true);
                }
            }
            return Eventually.Attempt.failure(events.size() + " events");
        });
    }

    /**
     * Registers the seed connector and writes a row, then measures the reset that clears it all; also
     * times each registration, on a worker that has run the connector before (as every scenario but the first).
     */
    private static List<Long> resetCost(CdcHarness cdc, int count, List<Long> registrations) {
        List<Long> costs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long begin = System.nanoTime();
            cdc.reset();
            costs.add(millis(System.nanoTime() - begin));
            long registering = System.nanoTime();
            cdc.register(SEED);
            registrations.add(millis(System.nanoTime() - registering));
            cdc.database().execute("CREATE DATABASE user; CREATE TABLE user.t (id INT PRIMARY KEY); INSERT INTO user.t VALUES (1)");
            cdc.topic("originDB.user.t").receives(EventExpectation.create().with("after.id", "1"));
        }
        return costs;
    }

    // ---- in other processes ----

    /** The first step of {@code ./cdc-harness run}, attached to a warm stack and booting its own. */
    private void measureWarmAttach(int runs) {
        System.out.println("\n=== launch -> first step, attached to ./cdc-harness up and booting (" + runs + " runs each)");
        WarmAttach.Figures figures = WarmAttach.of(settings, settingArguments()).measure(runs);
        report("first step, attached", figures.attachedMillis());
        report("first step, booting", figures.bootingMillis());
        result.put("first_step_warm_ms", median(figures.attachedMillis()));
        result.put("first_step_own_ms", median(figures.bootingMillis()));
        figures.attachedFirstRegistrationMillis().ifPresent(millis -> System.out.println("register -> streaming, first of a run attached to up: "
                + millis + " ms"));
        result.put("register_attached_first_ms", figures.attachedFirstRegistrationMillis().orElse(-1L));
    }

    /** Every cdc.* setting of this JVM as {@code --set key=value}, for the command line's {@code up} and {@code run}. */
    private static List<String> settingArguments() {
        List<String> arguments = new ArrayList<>();
        System.getProperties().stringPropertyNames().stream().sorted()
                .filter(name -> name.startsWith("cdc.") && !CHILD_DECIDES.contains(name))
                .forEach(name -> arguments.addAll(List.of("--set", name + "=" + System.getProperty(name))));
        return arguments;
    }

    private void measureSuites(String features) {
        result.put("features", features.isEmpty() ? "-" : features);
        result.put("pool", POOL);
        if (features.isEmpty()) {
            return;
        }
        System.out.println("\n=== the features " + features + ", serially and in parallel on a pool of " + POOL + " stacks");
        SuiteRuns.Figures figures = new SuiteRuns(settings.projectDir(), features).measure(POOL);
        System.out.printf(Locale.ROOT, "%-28s %d ms (%s, boot included)%n", "suite, serial", figures.serial().millis(), figures.serial().scenarios());
        System.out.printf(Locale.ROOT, "%-28s %d ms (%s, boots included), serial/parallel %.2f%n", "suite, parallel (pool of " + POOL + ")",
                figures.parallel().millis(), figures.parallel().scenarios(), figures.speedup());
        result.put("suite_ms", figures.serial().millis());
        result.put("suite_parallel_ms", figures.parallel().millis());
    }

    // ---- output ----

    private void printResult() {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("stack", settings.stack().name().toLowerCase(Locale.ROOT));
        line.put("database", settings.database().name().toLowerCase(Locale.ROOT));
        line.putAll(result);
        StringBuilder text = new StringBuilder("RESULT");
        line.forEach((key, value) -> text.append(' ').append(key).append('=').append(value));
        System.out.println("\n=== summary\n");
        System.out.println(BenchmarkTable.render(List.of(BenchmarkTable.Result.parse(text.toString()))));
        System.out.println(text);
    }

    private static void report(String what, List<Long> values) {
        if (values.isEmpty()) {
            System.out.printf(Locale.ROOT, "%-28s no figure%n", what);
            return;
        }
        List<Long> sorted = sorted(values);
        System.out.printf(Locale.ROOT, "%-28s n=%-4d p50 %6d ms   p95 %6d ms   p99 %6d ms   min %6d ms   max %6d ms%n", what, sorted.size(),
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), sorted.get(0), sorted.get(sorted.size() - 1));
    }

    // ---- figures ----

    private static long median(List<Long> values) {
        return percentileOrNone(values, 50);
    }

    private static long percentileOrNone(List<Long> values, int percentile) {
        return values.isEmpty() ? -1 : percentile(sorted(values), percentile);
    }

    private static List<Long> sorted(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted;
    }

    private static long percentile(List<Long> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static long millis(long nanos) {
        return Duration.ofNanos(nanos).toMillis();
    }

    private static long megabytes(long bytes) {
        return bytes < 0 ? -1 : bytes / 1_000_000;
    }

    // ---- arguments ----

    /** {@code --rows 10000,100000}: the bulk loads to run, in order; {@code --rows 0} runs none. */
    private static List<Integer> bulkSizes(String text) {
        List<Integer> sizes = new ArrayList<>();
        for (String size : text.split(",")) {
            int rows = parseInt("--rows", size.trim().replace("_", ""));
            if (rows > 0) {
                sizes.add(rows);
            }
        }
        return sizes;
    }

    private static String stringArg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static int intArg(String[] args, String name, int fallback) {
        String text = stringArg(args, name, null);
        return text == null ? fallback : parseInt(name, text);
    }

    private static int parseInt(String name, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " takes a whole number, not \"" + text + "\"");
        }
    }
}
