package io.cdcharness.tools;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The feature suite, timed serially and in Cucumber's parallel mode on a pool of stacks. Each run is a JVM
 * of its own (this class path, this JVM's options), because the pool size is read once per JVM and the
 * shared stack of a run lives until its JVM ends: the serial run's stack must not idle beside the
 * parallel run's. Inside, {@link #runHere} runs Cucumber's command line and prints the wall time.
 */
final class SuiteRuns {
    static final String SUITE_OPTION = "--suite";
    static final String THREADS_OPTION = "--threads";
    private static final Pattern SUITE_TIME = Pattern.compile("^SUITE wall_ms=(\\d+) exit=(\\d+)");
    private static final Pattern SUMMARY = Pattern.compile("scenarios: (\\d+ passed, \\d+ failed, \\d+ skipped)");
    private static final Duration SUITE_LIMIT = Duration.ofMinutes(30);

    /** One run of the suite: its wall time in milliseconds, boots included (-1 when it printed none), and Cucumber's summary. */
    record Run(long millis, String scenarios) {
        static final Run NONE = new Run(-1, "no summary");
    }

    /** The serial and the parallel run, and the pool the parallel one had. */
    record Figures(Run serial, Run parallel, int poolSize) {
        /** serial / parallel: above 1 when the pool pays. */
        double speedup() {
            return serial.millis() <= 0 || parallel.millis() <= 0 ? -1 : (double) serial.millis() / parallel.millis();
        }
    }

    private final Path projectDir;
    private final String features;

    SuiteRuns(Path projectDir, String features) {
        this.projectDir = projectDir;
        this.features = features;
    }

    /** The suite once with one thread on one stack, once with {@code poolSize} threads on as many stacks. */
    Figures measure(int poolSize) {
        Run serial = run("suite-serial", 1, 1);
        Run parallel = run("suite-parallel", poolSize, poolSize);
        return new Figures(serial, parallel, poolSize);
    }

    private Run run(String label, int threads, int pool) {
        try (ChildProcess suite = ChildProcess.start(label, javaCommand(label, threads, pool), projectDir)) {
            Optional<Matcher> time = suite.awaitLine(SUITE_TIME, SUITE_LIMIT);
            suite.awaitExit(Duration.ofMinutes(2)); // the JVM's shutdown hooks stop its stacks
            if (time.isEmpty()) {
                System.out.println("[benchmark] " + label + " printed no suite time; not counted");
                return Run.NONE;
            }
            String scenarios = suite.firstLine(SUMMARY).map(matcher -> matcher.group(1)).orElse("no summary");
            return new Run(Long.parseLong(time.get().group(1)), scenarios);
        }
    }

    /** This JVM's java, class path and options, with the pool size, no warm stack and reports of its own. */
    private List<String> javaCommand(String label, int threads, int pool) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(option -> !option.startsWith("-agentlib") && !option.startsWith("-javaagent"))
                .forEach(command::add);
        command.add("-Dcdc.pool=" + pool);
        command.add("-Dcdc.reuse=false");
        command.add("-Dcdc.reports.dir=target/benchmark/" + label);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Benchmark.class.getName(),
                SUITE_OPTION, features, THREADS_OPTION, Integer.toString(threads)));
        return command;
    }

    /**
     * In the suite's own JVM: runs the features with the step library on a freshly booted stack (a pool of
     * {@code cdc.pool} with more than one thread), prints the wall time for the parent, returns Cucumber's exit code.
     */
    static int runHere(String features, int threads) {
        long begin = System.nanoTime();
        byte status = io.cucumber.core.cli.Main.run(new String[] {"--glue", "io.cdcharness.cucumber", "--plugin",
                "io.cdcharness.report.ScenarioTimings", "--threads", Integer.toString(threads), features},
                Thread.currentThread().getContextClassLoader());
        long millis = Duration.ofNanos(System.nanoTime() - begin).toMillis();
        if (status != 0) {
            System.out.println("the features failed (exit " + status + "); the suite time is still reported");
        }
        System.out.println("SUITE wall_ms=" + millis + " exit=" + status);
        System.out.flush();
        return status;
    }
}
