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

/** Runs feature files against the chosen stack, with progress per scenario, a summary and reports/. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run feature files (default: features/) with the harness's step library; write reports/.")
final class RunCommand implements Callable<Integer> {
    @Mixin
    StackOptions stackOptions = new StackOptions();

    @Parameters(paramLabel = "FEATURE", description = "feature files or directories, optionally file:line (default: features)")
    List<String> features = new ArrayList<>();

    @Option(names = "--tags", paramLabel = "EXPRESSION", description = "Cucumber tag expression, e.g. '@seed and not @wip'")
    String tags;

    @Option(names = "--reports", paramLabel = "DIR", defaultValue = "reports", description = "where reports go (default reports)")
    Path reports;

    @Override
    public Integer call() throws Exception {
        Settings settings = stackOptions.apply(Settings.load());
        settings.asMap().forEach(System::setProperty); // the glue reads the layered settings from here
        List<String> args = new ArrayList<>(List.of("--glue", "io.cdcharness.cucumber",
                "--plugin", "pretty", "--plugin", "summary", "--plugin", "io.cdcharness.report.ScenarioTimings",
                "--plugin", "html:" + reports.resolve("cucumber.html"),
                "--plugin", "json:" + reports.resolve("cucumber.json"),
                "--plugin", "junit:" + reports.resolve("cucumber-junit.xml")));
        if (tags != null) {
            args.addAll(List.of("--tags", tags));
        }
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
        byte status = io.cucumber.core.cli.Main.run(args.toArray(String[]::new), Thread.currentThread().getContextClassLoader());
        System.out.println("[cdc-harness] reports in " + reports.toAbsolutePath());
        return (int) status;
    }
}
