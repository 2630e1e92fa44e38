package io.cdcharness.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.cdcharness.shard.ShardManifest;
import io.cdcharness.stack.BootPhases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Joins the reports of several runs, the shards of one suite ({@code ./cdc-harness run --shard i/n}), into one
 * reports directory: Cucumber's JSON (one feature per file again) and JUnit XML (one suite), the CDC report
 * drawn again from the shards' data ({@code cdc-report.json}) with every scenario, boot and evidence folder,
 * and an index of the shards' own Cucumber HTML and timeline reports, which cannot be joined. Shards are
 * checked first: the same plan, every shard once.
 *
 * <pre>{@code
 * ReportMerge.Result result = ReportMerge.merge(List.of(Path.of("shard-1"), Path.of("shard-2")), Path.of("reports"));
 * result.summary();   // joined shards 1/2, 2/2 of plan 3b832d48 (5 scenarios) into reports: 5 scenarios, 0 failed, 1 skipped ...
 * }</pre>
 */
public final class ReportMerge {
    static final String SHARD_COPIES = "shards";

    /**
     * What a merge joined.
     *
     * @param into      the merged reports directory
     * @param joined    which shards (or runs) were joined
     * @param scenarios scenarios in the merged Cucumber JSON
     * @param failed    of them failed (a step or hook failed)
     * @param skipped   of them skipped (none failed, one was skipped: another flavour's scenario, an assumption)
     * @param warnings  what looks wrong but did not stop the merge (a scenario in two runs, one a shard was given but did not run)
     */
    public record Result(Path into, String joined, int scenarios, int failed, int skipped, List<String> warnings) {
        public String summary() {
            return "joined " + joined + " into " + into + ": " + scenarios + " scenario" + (scenarios == 1 ? "" : "s") + ", " + failed
                    + " failed, " + skipped + " skipped; the CDC report: " + into.resolve("index.html");
        }
    }

    private ReportMerge() {
    }

    /**
     * Reads every directory (failing on the first that is missing, incomplete or malformed, before writing
     * anything), checks that the shards cover the suite once, and writes the merged reports into {@code into}.
     */
    public static Result merge(List<Path> dirs, Path into) {
        if (dirs.isEmpty()) {
            throw new IllegalArgumentException("no reports directory to join. Give the shards' directories, e.g. report merge "
                    + "reports/shard-1-of-2 reports/shard-2-of-2 --into reports");
        }
        Set<Path> seen = new HashSet<>();
        for (Path dir : dirs) {
            Path normal = dir.toAbsolutePath().normalize();
            if (!seen.add(normal)) {
                throw new IllegalArgumentException(dir + " is given twice: its scenarios would count twice. Give each shard's directory once.");
            }
            if (normal.equals(into.toAbsolutePath().normalize())) {
                throw new IllegalArgumentException("--into " + into + " is also one of the directories to join: the merge would overwrite "
                        + "a shard's reports while reading them. Join into another directory, e.g. --into reports/merged.");
            }
        }
        List<ShardReports> inputs = dirs.stream().map(ShardReports::read).toList();
        String joined = ShardCoverage.check(inputs);
        List<String> warnings = new ArrayList<>();
        try {
            Files.createDirectories(into);
            for (String owned : List.of("evidence", SHARD_COPIES, "cucumber-timeline")) {
                deleteTree(into.resolve(owned));
            }
            ShardManifest.delete(into);

            ArrayNode cucumber = CucumberJsonMerge.merge(inputs.stream().map(ShardReports::cucumberJson).toList());
            Files.writeString(into.resolve(ShardReports.CUCUMBER_JSON), CucumberJsonMerge.text(cucumber));
            Files.writeString(into.resolve(ShardReports.JUNIT_XML), JunitXmlMerge.merge(inputs.stream().map(ShardReports::junitXml).toList()));

            List<ScenarioSummary> summaries = new ArrayList<>();
            Map<String, BootPhases.Boot> boots = new LinkedHashMap<>();
            Set<String> evidenceNames = new HashSet<>();
            for (ShardReports input : inputs) {
                for (ScenarioSummary summary : input.data().scenarios()) {
                    summaries.add(withEvidenceCopied(summary, input.dir(), into, evidenceNames, warnings));
                }
                for (ReportData.Boot boot : input.data().boots()) {
                    boots.putIfAbsent(boot.stack() + "@" + boot.began(), boot.toBoot()); // shards run in one JVM share a boot
                }
            }
            summaries.sort(Comparator.comparing(ScenarioSummary::started));
            ReportPage.write(into.resolve("index.html"), summaries, List.copyOf(boots.values()));
            CucumberHtmlIndex.write(inputs, into);

            int[] counts = count(cucumber);
            notRun(inputs, cucumber).ifPresent(warnings::add);
            warnings.addAll(repeatedScenarios(inputs));
            return new Result(into, joined, counts[0], counts[1], counts[2], List.copyOf(warnings));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the joined reports into " + into + ": " + e.getMessage(), e);
        }
    }

    private static ScenarioSummary withEvidenceCopied(ScenarioSummary summary, Path dir, Path into, Set<String> taken, List<String> warnings)
            throws IOException {
        if (summary.evidence() == null) {
            return summary;
        }
        Path source = dir.resolve(summary.evidence()).normalize();
        if (!source.startsWith(dir.normalize()) || !Files.isDirectory(source)) {
            warnings.add(summary.location() + ": its evidence folder " + source + " is not there, so the joined report does not link it");
            return with(summary, null);
        }
        String wanted = source.getFileName().toString();
        String name = wanted;
        for (int i = 2; !taken.add(name); i++) {
            name = wanted + "-" + i;
        }
        copyTree(source, into.resolve("evidence").resolve(name));
        return with(summary, "evidence/" + name + "/");
    }

    private static ScenarioSummary with(ScenarioSummary s, String evidence) {
        return new ScenarioSummary(s.name(), s.location(), s.kind(), s.status(), s.started(), s.durationMs(), s.failure(), evidence,
                s.statements(), s.events(), s.topics(), s.marks(), s.gaveUp(), s.cut());
    }

    /** Scenarios, how many of them failed and how many were skipped. */
    private static int[] count(ArrayNode cucumber) {
        int[] counts = new int[3];
        for (JsonNode feature : cucumber) {
            for (JsonNode element : feature.get("elements")) {
                if (!"background".equals(element.path("type").asText())) {
                    counts[0]++;
                    List<String> statuses = element.findValuesAsText("status");
                    if (statuses.contains("failed")) {
                        counts[1]++;
                    } else if (statuses.contains("skipped")) {
                        counts[2]++;
                    }
                }
            }
        }
        return counts;
    }

    /** The scenarios the shards were given that are not in the joined Cucumber JSON. */
    private static java.util.Optional<String> notRun(List<ShardReports> inputs, ArrayNode cucumber) {
        List<String> ran = new ArrayList<>();
        for (JsonNode feature : cucumber) {
            String uri = feature.get("uri").asText();
            String file = uri.startsWith("file:") ? uri.substring("file:".length()) : uri;
            feature.get("elements").forEach(element -> ran.add(file + ":" + element.path("line").asInt()));
        }
        List<String> missing = inputs.stream().map(ShardReports::manifest).flatMap(java.util.Optional::stream)
                .flatMap(manifest -> manifest.scenarios().stream())
                .filter(given -> ran.stream().noneMatch(location -> location.equals(given) || location.endsWith("/" + given)))
                .toList();
        if (missing.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(missing.size() + " scenario" + (missing.size() == 1 ? " the shards were given is" : "s the shards were given are")
                + " not in their Cucumber JSON: " + String.join(", ", missing.subList(0, Math.min(10, missing.size())))
                + (missing.size() > 10 ? ", ..." : "") + " (a shard's run stopped early, or, in Maven, a tag filter skipped them before "
                + "Cucumber ran them)");
    }

    private static List<String> repeatedScenarios(List<ShardReports> inputs) {
        Map<String, List<Path>> where = new LinkedHashMap<>();
        for (ShardReports input : inputs) {
            for (JsonNode feature : input.cucumberJson()) {
                for (JsonNode element : feature.get("elements")) {
                    if (!"background".equals(element.path("type").asText())) {
                        where.computeIfAbsent(feature.get("uri").asText() + ":" + element.path("line").asInt(), k -> new ArrayList<>()).add(input.dir());
                    }
                }
            }
        }
        List<String> repeated = new ArrayList<>();
        where.forEach((location, dirs) -> {
            if (dirs.size() > 1) {
                repeated.add(location + " ran in more than one run: " + dirs);
            }
        });
        return repeated;
    }

    static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : paths.toList()) {
                Path to = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(to);
                } else {
                    Files.createDirectories(to.getParent());
                    Files.copy(path, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
