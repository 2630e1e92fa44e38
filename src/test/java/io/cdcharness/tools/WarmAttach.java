package io.cdcharness.tools;

import io.cdcharness.stack.DatabaseFlavor;
import io.cdcharness.stack.Settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a warm stack saves: the time from launching {@code ./cdc-harness run} on one scenario to that
 * scenario's first step, with a stack of {@code ./cdc-harness up} to attach to and with none (the run
 * boots its own). Both are the run's own figure, logged once per JVM by the glue. Also the first
 * registration of a run attached to that {@code up} (its step's duration in the run's Cucumber JSON report):
 * {@code up} warms its worker, so it should take what a registration takes on a worker that ran one before.
 */
final class WarmAttach {
    private static final Pattern FIRST_STEP = Pattern.compile("the first scenario's first step starts ([0-9.]+) s after this JVM was launched");
    private static final Pattern UP_READY = Pattern.compile("Press Ctrl-C");
    private static final Pattern ATTACHED = Pattern.compile("attached to the warm stack of pid (\\d+)");
    private static final Duration UP_BOOT = Duration.ofMinutes(5);
    private static final Duration ONE_SCENARIO = Duration.ofMinutes(5);

    /**
     * Milliseconds from launch to the first step, per run, and of the first registration attached; empty where
     * nothing could be measured.
     */
    record Figures(List<Long> attachedMillis, List<Long> bootingMillis, Optional<Long> attachedFirstRegistrationMillis) {
    }

    private final Path projectDir;
    private final List<String> settingArguments;
    private final String scenario;
    private final String registeringScenario;

    /**
     * @param settingArguments {@code --set key=value} for every setting the benchmark runs with, so that
     *                         {@code up} and {@code run} ask for the same stack
     */
    private WarmAttach(Path projectDir, List<String> settingArguments, String scenario, String registeringScenario) {
        this.projectDir = projectDir;
        this.settingArguments = settingArguments;
        this.scenario = scenario;
        this.registeringScenario = registeringScenario;
    }

    /** The stack's settings as the command line takes them; the scenario is the seed's first for the flavour. */
    static WarmAttach of(Settings settings, List<String> settingArguments) {
        String line = settings.database() == DatabaseFlavor.MARIADB ? "15" : "11";
        return new WarmAttach(settings.projectDir(), settingArguments, "features/seed/seed_pipeline.feature:" + line,
                "features/seed/seed_pipeline.feature:18");
    }

    /** {@code runs} runs booting their own stack, then {@code runs} runs attached to one {@code up}. */
    Figures measure(int runs) {
        List<Long> booting = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            firstStepMillis("run-own-" + i, List.of("--set", "cdc.reuse=false"), Optional.empty()).ifPresent(booting::add);
        }
        List<Long> attached = new ArrayList<>();
        Optional<Long> registration = Optional.empty();
        try (ChildProcess up = startWarmStack()) {
            if (up != null) {
                for (int i = 1; i <= runs; i++) {
                    firstStepMillis("run-warm-" + i, List.of(), Optional.of(up.pid())).ifPresent(attached::add);
                }
                registration = firstRegistrationMillis("run-warm-register", up.pid());
            }
        }
        return new Figures(attached, booting, registration);
    }

    /** The registration step of {@link #registeringScenario}, in a run attached to {@code up}: the first on its worker since the warm-up. */
    private Optional<Long> firstRegistrationMillis(String label, long warmPid) {
        Path reports = projectDir.resolve("target/benchmark/" + label);
        io.cdcharness.stack.Directories.deleteTree(reports); // an earlier benchmark's report must not be read as this one's
        if (java.nio.file.Files.exists(reports.resolve("cucumber.json"))) {
            System.out.println("[benchmark] " + label + ": could not remove the earlier " + reports.resolve("cucumber.json") + "; not measured");
            return Optional.empty();
        }
        List<String> command = new ArrayList<>(List.of(projectDir.resolve("cdc-harness").toString(), "run", registeringScenario,
                "--reports", reports.toString()));
        command.addAll(settingArguments);
        try (ChildProcess run = ChildProcess.start(label, command, projectDir)) {
            run.awaitExit(ONE_SCENARIO);
            if (!attachedTo(run, warmPid)) {
                System.out.println("[benchmark] " + label + " did not attach to the warm stack of pid " + warmPid + "; not counted");
                return Optional.empty();
            }
        }
        try {
            for (var feature : new com.fasterxml.jackson.databind.ObjectMapper().readTree(reports.resolve("cucumber.json").toFile())) {
                for (var element : feature.path("elements")) {
                    for (var step : element.path("steps")) {
                        if (step.path("name").asText().contains("is registered from") && "passed".equals(step.path("result").path("status").asText())) {
                            return Optional.of(step.path("result").path("duration").asLong() / 1_000_000);
                        }
                    }
                }
            }
            System.out.println("[benchmark] " + label + ": no passed registration step in its report; not counted");
        } catch (java.io.IOException e) {
            System.out.println("[benchmark] " + label + ": could not read its report (" + e.getMessage() + "); not counted");
        }
        return Optional.empty();
    }

    /** {@code ./cdc-harness up --no-registry}, once it says it is up; null (and why) when it did not come up. */
    private ChildProcess startWarmStack() {
        List<String> command = new ArrayList<>(List.of(projectDir.resolve("cdc-harness").toString(), "up", "--no-registry"));
        command.addAll(settingArguments);
        ChildProcess up = ChildProcess.start("up", command, projectDir);
        if (up.awaitLine(UP_READY, UP_BOOT).isEmpty()) {
            System.out.println("[benchmark] the warm stack did not come up within " + UP_BOOT.toMinutes() + " min; no attached figure");
            up.stop();
            return null;
        }
        return up;
    }

    /**
     * One {@code ./cdc-harness run} of the scenario; its figure, or empty (and why) when it printed none or,
     * expected to attach to {@code warmPid}, booted or attached elsewhere.
     */
    private Optional<Long> firstStepMillis(String label, List<String> extra, Optional<Long> warmPid) {
        List<String> command = new ArrayList<>(List.of(projectDir.resolve("cdc-harness").toString(), "run", scenario,
                "--reports", "target/benchmark/" + label));
        command.addAll(settingArguments);
        command.addAll(extra);
        try (ChildProcess run = ChildProcess.start(label, command, projectDir)) {
            Optional<Matcher> firstStep = run.awaitLine(FIRST_STEP, ONE_SCENARIO);
            run.awaitExit(ONE_SCENARIO);
            if (firstStep.isEmpty()) {
                System.out.println("[benchmark] " + label + " printed no \"first scenario's first step\" line; not counted");
                return Optional.empty();
            }
            if (warmPid.isPresent() && !attachedTo(run, warmPid.get())) {
                System.out.println("[benchmark] " + label + " did not attach to the warm stack of pid " + warmPid.get() + "; not counted");
                return Optional.empty();
            }
            return Optional.of(Math.round(Double.parseDouble(firstStep.get().group(1)) * 1000));
        }
    }

    private static boolean attachedTo(ChildProcess run, long pid) {
        return run.firstLine(ATTACHED).map(matcher -> Long.parseLong(matcher.group(1)) == pid).orElse(false);
    }
}
