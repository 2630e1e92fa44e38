package io.cdcharness.cli;

import io.cdcharness.report.EmptyReports;
import io.cdcharness.shard.RecordedDurations;
import io.cdcharness.shard.ScenarioLocation;
import io.cdcharness.shard.Shard;
import io.cdcharness.shard.ShardManifest;
import io.cdcharness.shard.ShardPlan;
import io.cdcharness.stack.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Runs feature files against the chosen stack, with progress per scenario, a summary and reports/, with
 * the same Cucumber settings as the project's Maven run ({@link CucumberSettings}: {@code not @wip}, plugins).
 * With {@code --shard i/n} it runs the i-th of n shards of the scenarios ({@link ShardPlan}) into
 * {@code reports/shard-i-of-n}, and writes {@code shard.json} there for {@code report merge}.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run feature files (default: features/) with the harness's step library; write reports/.")
final class RunCommand implements Callable<Integer> {
    @Mixin
    StackOptions stackOptions = new StackOptions();

    @Parameters(paramLabel = "FEATURE", description = "feature files or directories, optionally file:line (default: features)")
    List<String> features = new ArrayList<>();

    @Option(names = "--tags", paramLabel = "EXPRESSION", description = "Cucumber tag expression, e.g. '@seed and not @wip' "
            + "(default: cucumber.filter.tags of src/test/resources/junit-platform.properties, as in Maven)")
    String tags;

    @Option(names = "--reports", paramLabel = "DIR", description = "where reports go (default reports; with --shard i/n, reports/shard-i-of-n)")
    Path reports;

    @Option(names = "--shard", paramLabel = "i/n", description = "run only the i-th of n shards of the scenarios (e.g. 2/4), balanced by "
            + "the durations of cdc.shard.durations (default reports/cucumber.json) when it has some; join the shards' reports "
            + "with: report merge DIR... --into reports")
    String shard;

    @Override
    public Integer call() throws Exception {
        java.util.Properties saved = new java.util.Properties();
        saved.putAll(System.getProperties());
        try {
            return run();
        } finally {
            System.setProperties(saved); // called in-process (tests, other tools): leave the JVM's properties as they were
        }
    }

    private Integer run() throws Exception {
        Shard chosen = shard == null ? null : Shard.parse(shard, "--shard");
        Settings settings = stackOptions.apply(Settings.load());
        if (chosen == null && !settings.get(Settings.Key.SHARD).isBlank()) {
            chosen = Shard.parse(settings.get(Settings.Key.SHARD), Settings.Key.SHARD.property());
        }
        settings = settings.with(Settings.Key.SHARD.property(), chosen == null ? "" : chosen.toString());
        settings.asMap().forEach(System::setProperty); // the glue reads the layered settings from here
        if (reports == null) {
            reports = Path.of(chosen == null ? "reports" : "reports/shard-" + chosen.index() + "-of-" + chosen.count());
        }
        if (!reports.isAbsolute()) {
            reports = settings.projectDir().resolve(reports);
        }
        if (chosen != null) {
            refuseToOverwriteTheDurations(settings, chosen);
        }
        System.setProperty(Settings.Key.REPORTS_DIR.property(), reports.toString()); // the CDC report and evidence go there too
        CucumberSettings cucumber = CucumberSettings.load(settings.projectDir());
        io.cdcharness.stack.HarnessLog.info(cucumber.describe());
        List<String> args = new ArrayList<>(cucumber.arguments(reports, tags));
        List<String> paths = features.isEmpty() ? List.of("features") : features;
        for (String feature : paths) {
            Path path = Path.of(feature.replaceAll(":\\d+$", ""));
            if (!Files.exists(path)) {
                throw new IllegalArgumentException("no feature file or directory " + path.toAbsolutePath()
                        + ". Give paths like features/seed or features/seed/seed_pipeline.feature:17");
            }
        }
        Files.createDirectories(reports);
        // Options above; left as properties, Cucumber would read them once more (plugins twice). The rest it reads itself.
        CucumberSettings.AS_OPTIONS.forEach(System::clearProperty);
        cucumber.asProperties().forEach(System::setProperty);
        if (chosen == null) {
            ShardManifest.delete(reports);
        } else {
            paths = shardOf(chosen, cucumber, paths, settings);
            if (paths.isEmpty()) {
                EmptyReports.write(reports);
                io.cdcharness.stack.HarnessLog.info("shard " + chosen + " has no scenario to run; its empty reports are in " + reports.toAbsolutePath());
                return 0;
            }
        }
        args.addAll(paths);
        Thread preparing = io.cdcharness.CdcHarness.prepareShared(); // while Cucumber reads the features and the glue
        byte status = io.cucumber.core.cli.Main.run(args.toArray(String[]::new), Thread.currentThread().getContextClassLoader());
        preparing.join(); // done long ago when a scenario ran; else the JVM must not exit in the middle of a boot
        io.cdcharness.evidence.Evidence.writeReports();
        io.cdcharness.stack.HarnessLog.info("reports in " + reports.toAbsolutePath() + " (the CDC report: "
                + reports.resolve("index.html").toAbsolutePath() + ")");
        return (int) status;
    }

    /** This shard's scenarios as {@code file:line:line} arguments, planned over everything {@code paths} selects. */
    private List<String> shardOf(Shard chosen, CucumberSettings cucumber, List<String> paths, Settings settings) {
        List<ScenarioLocation> all = ScenarioListing.list(cucumber.selection(tags), paths, settings.projectDir());
        ShardPlan plan = ShardPlan.of(all, chosen.count(), RecordedDurations.read(settings.shardDurations(), settings.projectDir()));
        io.cdcharness.stack.HarnessLog.info(plan.describe(chosen));
        ShardManifest.of(chosen, plan).write(reports);
        Map<String, StringBuilder> byFile = new LinkedHashMap<>();
        for (ScenarioLocation scenario : plan.scenarios(chosen.index())) {
            byFile.computeIfAbsent(scenario.file(), file -> new StringBuilder(file)).append(':').append(scenario.line());
        }
        return byFile.values().stream().map(StringBuilder::toString).toList();
    }

    /** A shard writing its cucumber.json where the durations come from would change the plan of the shards after it. */
    private void refuseToOverwriteTheDurations(Settings settings, Shard chosen) {
        Path durations = settings.shardDurations();
        if (reports.resolve("cucumber.json").toAbsolutePath().normalize().equals(durations)) {
            throw new IllegalArgumentException("--reports " + reports + " is where the shards' durations come from ("
                    + Settings.Key.SHARD_DURATIONS.property() + "=" + durations + "): this shard's report would replace them, and the "
                    + "shards after it would be planned from this shard's scenarios only. Give each shard its own directory (without "
                    + "--reports, --shard " + chosen + " writes to reports/shard-" + chosen.index() + "-of-" + chosen.count()
                    + "), or point " + Settings.Key.SHARD_DURATIONS.property() + " at another file.");
        }
    }
}
