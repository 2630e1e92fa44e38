package io.cdcharness.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The reports of a run that had no scenario to run (a shard of a suite with fewer scenarios than shards):
 * an empty Cucumber JSON report, a JUnit XML suite of no tests and a CDC report that says so, so that the
 * shard's directory can be joined like the others.
 *
 * <pre>{@code
 * EmptyReports.write(Path.of("reports/shard-4-of-4"));
 * }</pre>
 */
public final class EmptyReports {
    private EmptyReports() {
    }

    public static void write(Path reports) {
        try {
            Files.createDirectories(reports);
            Files.writeString(reports.resolve(ShardReports.CUCUMBER_JSON), "[]\n");
            Files.writeString(reports.resolve(ShardReports.JUNIT_XML), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<testsuite name=\"Cucumber\" time=\"0\" tests=\"0\" skipped=\"0\" failures=\"0\" errors=\"0\">\n</testsuite>\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the empty reports into " + reports, e);
        }
        ReportPage.write(reports.resolve("index.html"), List.of());
    }
}
