package io.cdcharness.cli;

import io.cdcharness.shard.CucumberJsonFile;
import io.cdcharness.shard.ScenarioLocation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The scenarios a run would execute, exactly as Cucumber chooses them (paths, {@code file:line}, tags,
 * name filter, outlines' example rows): Cucumber's dry run, which runs no step and no hook, so no stack
 * boots, writing its JSON report to a temporary file.
 *
 * <pre>{@code
 * List<ScenarioLocation> scenarios = ScenarioListing.list(cucumber.selection(tags), List.of("features/seed"), projectDir);
 * }</pre>
 */
final class ScenarioListing {
    private ScenarioListing() {
    }

    static List<ScenarioLocation> list(List<String> selection, List<String> paths, Path projectDir) {
        Path json = null;
        try {
            json = Files.createTempFile("cdc-harness-scenarios-", ".json");
            List<String> args = new ArrayList<>(List.of("--dry-run", "--no-summary", "--monochrome", "--plugin", "json:" + json));
            args.addAll(selection);
            args.addAll(paths);
            byte status = io.cucumber.core.cli.Main.run(args.toArray(String[]::new), Thread.currentThread().getContextClassLoader());
            if (status != 0 && Files.size(json) == 0) {
                throw new IllegalStateException("Cucumber could not list the scenarios of " + paths + " (its dry run ended with status "
                        + status + " and wrote no report); its messages are above.");
            }
            return CucumberJsonFile.read(json, projectDir).stream().map(CucumberJsonFile.Entry::scenario).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the scenarios of " + paths + " through Cucumber's dry run: " + e.getMessage(), e);
        } finally {
            if (json != null) {
                try {
                    Files.deleteIfExists(json);
                } catch (IOException ignored) {
                    // a file in the temp dir; the OS cleans it
                }
            }
        }
    }
}
