package io.cdcharness.cli;

import io.cdcharness.stack.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Runs feature files against the chosen stack, with progress per scenario, a summary and reports/, with
 * the same Cucumber settings as the project's Maven run ({@link CucumberSettings}: {@code not @wip}, plugins).
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

    @Option(names = "--reports", paramLabel = "DIR", defaultValue = "reports", description = "where reports go (default reports)")
    Path reports;

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
        Settings settings = stackOptions.apply(Settings.load());
        settings.asMap().forEach(System::setProperty); // the glue reads the layered settings from here
        if (!reports.isAbsolute()) {
            reports = settings.projectDir().resolve(reports);
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
        args.addAll(paths);
        Files.createDirectories(reports);
        // Options above; left as properties, Cucumber would read them once more (plugins twice). The rest it reads itself.
        CucumberSettings.AS_OPTIONS.forEach(System::clearProperty);
        cucumber.asProperties().forEach(System::setProperty);
        byte status = io.cucumber.core.cli.Main.run(args.toArray(String[]::new), Thread.currentThread().getContextClassLoader());
        io.cdcharness.evidence.Evidence.writeReports();
        io.cdcharness.stack.HarnessLog.info("reports in " + reports.toAbsolutePath() + " (the CDC report: "
                + reports.resolve("index.html").toAbsolutePath() + ")");
        return (int) status;
    }
}
