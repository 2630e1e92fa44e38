package io.cdcharness.shard;

import java.net.URI;
import java.nio.file.Path;

/**
 * A scenario (or one example row of an outline) as Cucumber selects it: its feature file and line, and
 * its name.
 *
 * <pre>{@code
 * ScenarioLocation scenario = new ScenarioLocation("features/seed/seed_pipeline.feature", 22, "the article's DDL ...");
 * scenario.location();   // features/seed/seed_pipeline.feature:22, what ./cdc-harness run accepts
 * }</pre>
 *
 * @param file the feature file, relative to the project directory when it is inside it
 * @param line the line of the scenario, or of the example row
 * @param name the scenario's name
 */
public record ScenarioLocation(String file, int line, String name) {

    /** {@code file:line}. */
    public String location() {
        return file + ":" + line;
    }

    /**
     * The feature file of a Cucumber URI as this class keeps it: {@code file:features/x.feature} (relative, as
     * {@code ./cdc-harness run} writes it) stays {@code features/x.feature}; {@code file:///abs/features/x.feature}
     * (as JUnit's Cucumber engine writes it) becomes relative to {@code projectDir} when inside it;
     * {@code classpath:x.feature} stays as it is.
     */
    public static String featureFile(String uri, Path projectDir) {
        if (uri == null) {
            return "";
        }
        if (!uri.startsWith("file:")) {
            return uri;
        }
        String rest = uri.substring("file:".length());
        try {
            if (!rest.startsWith("/")) {
                return URI.create(uri).getSchemeSpecificPart(); // Cucumber's own relative form, as the run was given it
            }
            return relative(Path.of(URI.create(uri)), projectDir);
        } catch (IllegalArgumentException notAUri) {
            return rest;
        }
    }

    /** A file relative to {@code projectDir} when inside it, else absolute, with forward slashes. */
    public static String relative(Path file, Path projectDir) {
        Path absolute = file.toAbsolutePath().normalize();
        Path base = projectDir.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(base) ? base.relativize(absolute) : absolute;
        return shown.toString().replace('\\', '/');
    }
}
