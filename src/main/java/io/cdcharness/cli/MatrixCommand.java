package io.cdcharness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdcharness.golden.UpgradeDiff;
import io.cdcharness.stack.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Runs the same features on several Debezium versions, one stack per version (each in its own JVM),
 * prints a pass/fail table, records every scenario's topics per version and writes the upgrade diff
 * from the first version to each other one.
 *
 * <pre>
 * ./cdc-harness matrix --debezium 1.5.0.Final,2.7.3.Final,3.4.0.Final features/seed
 * </pre>
 */
@Command(name = "matrix", mixinStandardHelpOptions = true,
        description = "Run features on each Debezium version, print a pass/fail table, and the upgrade diff from the first version to the others.")
final class MatrixCommand implements Callable<Integer> {
    @Mixin
    StackOptions stackOptions = new StackOptions();

    @Option(names = "--debezium", required = true, split = ",", paramLabel = "VERSION[,VERSION...]",
            description = "Debezium versions, e.g. 1.5.0.Final,2.7.3.Final,3.4.0.Final (Connect follows: 2.7.0 for 1.x, else cdc.connect.version)")
    List<String> versions;

    @Parameters(paramLabel = "FEATURE", description = "feature files or directories (default: features/seed)")
    List<String> features = new ArrayList<>();

    @Option(names = "--tags", paramLabel = "EXPRESSION", description = "Cucumber tag expression")
    String tags;

    @Option(names = "--reports", paramLabel = "DIR", defaultValue = "reports/matrix", description = "where each version's reports, topics and the diffs go")
    Path reports;

    private static final ObjectMapper JSON = new ObjectMapper();

    record Outcome(String version, String connect, int exit, long millis, Map<String, String> scenarios) {
        long passed() {
            return scenarios.values().stream().filter("passed"::equals).count();
        }
    }

    @Override
    public Integer call() throws Exception {
        Settings base = stackOptions.apply(Settings.load());
        List<String> paths = features.isEmpty() ? List.of("features/seed") : features;
        Files.createDirectories(reports);
        List<Outcome> outcomes = new ArrayList<>();
        for (String version : versions) {
            outcomes.add(runOne(version.trim(), base, paths));
        }
        String table = table(outcomes);
        PrintStream out = System.out;
        out.println();
        out.println(table);
        Files.writeString(reports.resolve("matrix.md"), table);
        for (int i = 1; i < outcomes.size(); i++) {
            String a = outcomes.get(0).version();
            String b = outcomes.get(i).version();
            Path recordingA = reports.resolve(a).resolve("topics");
            Path recordingB = reports.resolve(b).resolve("topics");
            if (!Files.isDirectory(recordingA) || !Files.isDirectory(recordingB)) {
                out.println("[cdc-harness] no upgrade diff " + a + " -> " + b + ": a run recorded no topics");
                continue;
            }
            String diff = UpgradeDiff.between(a, recordingA, b, recordingB).markdown();
            Path file = reports.resolve("diff-" + a + "-to-" + b + ".md");
            Files.writeString(file, diff);
            List<String> lines = diff.lines().toList();
            out.println();
            lines.stream().limit(40).forEach(out::println);
            if (lines.size() > 40) {
                out.println("... (" + (lines.size() - 40) + " more lines in " + file + ")");
            }
        }
        out.println("[cdc-harness] matrix table in " + reports.resolve("matrix.md").toAbsolutePath() + "; upgrade diffs beside it");
        return outcomes.stream().allMatch(outcome -> outcome.exit() == 0) ? 0 : 1;
    }

    private Outcome runOne(String version, Settings base, List<String> paths) throws Exception {
        Settings settings = base.with(Settings.Key.DEBEZIUM_VERSION.property(), version);
        Path dir = reports.resolve(version);
        io.cdcharness.stack.Directories.deleteTree(dir);
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dcdc.project.dir=" + System.getProperty("cdc.project.dir", Path.of("").toAbsolutePath().toString()),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Dorg.slf4j.simpleLogger.log.org.apache.kafka=error",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run",
                "--reports", dir.toString(),
                "--set", Settings.Key.DEBEZIUM_VERSION.property() + "=" + version,
                "--set", Settings.Key.RECORD_DIR.property() + "=" + dir.resolve("topics")));
        String servicesJava = System.getProperty(Settings.Key.SERVICES_JAVA.property());
        if (servicesJava != null) {
            command.add(1, "-D" + Settings.Key.SERVICES_JAVA.property() + "=" + servicesJava); // Kafka and Connect on the Java ./cdc-harness chose
        }
        command.addAll(stackOptions.asArguments());
        if (tags != null) {
            command.addAll(List.of("--tags", tags));
        }
        command.addAll(paths);
        System.out.println("[cdc-harness] === Debezium " + version + " on Kafka Connect " + settings.connectVersion() + " (log: " + dir.resolve("run.log") + ")");
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             var log = Files.newBufferedWriter(dir.resolve("run.log"))) {
            String line;
            while ((line = lines.readLine()) != null) {
                log.write(line);
                log.newLine();
                if (line.startsWith("[cdc-harness] PASSED") || line.startsWith("[cdc-harness] FAILED") || line.startsWith("[cdc-harness] scenarios:")
                        || line.startsWith("[cdc-harness] booting") || line.startsWith("[cdc-harness] stack ready") || line.contains("could not start")) {
                    System.out.println("  " + line);
                }
            }
        }
        int exit = process.waitFor();
        return new Outcome(version, settings.connectVersion(), exit, (System.nanoTime() - started) / 1_000_000, scenarios(dir.resolve("cucumber.json")));
    }

    /** Scenario name (feature:line) -> passed | failed | skipped, from Cucumber's JSON report. */
    static Map<String, String> scenarios(Path cucumberJson) {
        Map<String, String> result = new LinkedHashMap<>();
        try {
            if (!Files.isRegularFile(cucumberJson)) {
                return result;
            }
            for (JsonNode feature : JSON.readTree(cucumberJson.toFile())) {
                String file = feature.path("uri").asText().replaceAll(".*/", "");
                for (JsonNode element : feature.path("elements")) {
                    if (!"scenario".equals(element.path("type").asText())) {
                        continue;
                    }
                    String status = "passed";
                    for (String part : List.of("before", "steps", "after")) {
                        for (JsonNode step : element.path(part)) {
                            String stepStatus = step.path("result").path("status").asText();
                            if (stepStatus.equals("failed")) {
                                status = "failed";
                            } else if (!stepStatus.equals("passed") && status.equals("passed")) {
                                status = stepStatus;
                            }
                        }
                    }
                    result.put(element.path("name").asText() + " (" + file + ":" + element.path("line").asInt() + ")", status);
                }
            }
        } catch (java.io.IOException e) {
            result.put("(could not read " + cucumberJson + ": " + e.getMessage() + ")", "failed");
        }
        return result;
    }

    static String table(List<Outcome> outcomes) {
        List<String> scenarios = new ArrayList<>();
        outcomes.forEach(outcome -> outcome.scenarios().keySet().forEach(name -> {
            if (!scenarios.contains(name)) {
                scenarios.add(name);
            }
        }));
        StringBuilder text = new StringBuilder("| scenario |");
        outcomes.forEach(outcome -> text.append(" Debezium ").append(outcome.version()).append(" |"));
        text.append("\n| --- |");
        outcomes.forEach(outcome -> text.append(" --- |"));
        for (String scenario : scenarios) {
            text.append("\n| ").append(scenario.replace("|", "\\|")).append(" |");
            outcomes.forEach(outcome -> text.append(' ').append(mark(outcome.scenarios().getOrDefault(scenario, "not run"))).append(" |"));
        }
        text.append("\n| **passed** |");
        outcomes.forEach(outcome -> text.append(" ").append(outcome.scenarios().isEmpty() ? "did not run (exit " + outcome.exit() + ")"
                : outcome.passed() + "/" + outcome.scenarios().size()).append(" |"));
        text.append("\n| Kafka Connect |");
        outcomes.forEach(outcome -> text.append(" ").append(outcome.connect()).append(" |"));
        text.append("\n| time (boot included) |");
        outcomes.forEach(outcome -> text.append(String.format(Locale.ROOT, " %.1f s |", outcome.millis() / 1000.0)));
        return text.append('\n').toString();
    }

    private static String mark(String status) {
        return switch (status) {
            case "passed" -> "pass";
            case "failed" -> "**FAIL**";
            default -> status;
        };
    }
}
