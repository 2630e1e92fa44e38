package io.cdcharness.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.cdcharness.shard.ShardManifest;
import org.w3c.dom.Document;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One run's reports directory as {@link ReportMerge} reads it: Cucumber's JSON and JUnit XML, the CDC
 * report's data, and the shard manifest when the run was a shard. Anything missing or malformed is refused
 * with the directory, the file and what was expected.
 */
record ShardReports(Path dir, ArrayNode cucumberJson, Document junitXml, ReportData.Contents data, Optional<ShardManifest> manifest) {
    static final String CUCUMBER_JSON = "cucumber.json";
    static final String JUNIT_XML = "cucumber-junit.xml";
    private static final String EXPECTED = "Expected a reports directory as ./cdc-harness run --shard i/n --reports DIR (or mvn verify "
            + "-Dcdc.shard=i/n) writes it, with " + CUCUMBER_JSON + ", " + JUNIT_XML + " and " + ReportData.FILE + ".";

    static ShardReports read(Path dir) {
        if (!Files.exists(dir)) {
            throw new IllegalArgumentException(dir + " does not exist. " + EXPECTED);
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " is a file, not a directory. " + EXPECTED);
        }
        List<String> missing = new ArrayList<>();
        for (String file : List.of(CUCUMBER_JSON, JUNIT_XML, ReportData.FILE)) {
            if (!Files.isRegularFile(dir.resolve(file))) {
                missing.add(file);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(dir + " has no " + String.join(", no ", missing) + ". " + EXPECTED
                    + (missing.size() == 1 && missing.get(0).equals(ReportData.FILE) && Files.isRegularFile(dir.resolve("index.html"))
                    ? " Its index.html alone cannot be joined: run the shard again with this version of cdc-harness, which writes "
                    + ReportData.FILE + " beside it." : " Did that shard's run finish?"));
        }
        return new ShardReports(dir, CucumberJsonMerge.read(dir.resolve(CUCUMBER_JSON)), JunitXmlMerge.read(dir.resolve(JUNIT_XML)),
                ReportData.read(dir.resolve(ReportData.FILE)), ShardManifest.read(dir));
    }

    /** How the directory is named in messages: the shard it holds, and where. */
    String describe() {
        return manifest.map(m -> "shard " + m.shard() + " (" + dir + ")").orElse(dir.toString());
    }
}
