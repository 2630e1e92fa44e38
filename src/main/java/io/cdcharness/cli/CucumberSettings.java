package io.cdcharness.cli;

import io.cdcharness.report.CucumberReports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The Cucumber settings a Maven run of the same project uses, for {@code ./cdc-harness run}: the
 * {@code cucumber.*} keys of {@code junit-platform.properties} (the project's
 * {@code src/test/resources/}, else the class path), then {@code -Dcucumber.*} system properties, then the
 * command's own options; plus the harness's plugins ({@link CucumberReports}).
 *
 * <pre>{@code
 * CucumberSettings settings = CucumberSettings.load(projectDir);   // cucumber.filter.tags=not @wip ...
 * List<String> args = settings.arguments(reports, tagsOption);      // --tags "not @wip" --plugin ...
 * }</pre>
 */
final class CucumberSettings {
    private final Map<String, String> values;
    private final List<String> sources;

    private CucumberSettings(Map<String, String> values, List<String> sources) {
        this.values = values;
        this.sources = sources;
    }

    static CucumberSettings load(Path projectDir) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> sources = new ArrayList<>();
        Path file = projectDir.resolve("src/test/resources/junit-platform.properties");
        Properties properties = new Properties();
        try {
            if (Files.isRegularFile(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    properties.load(in);
                }
                sources.add(projectDir.relativize(file).toString());
            } else {
                try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("junit-platform.properties")) {
                    if (in != null) {
                        properties.load(in);
                        sources.add("junit-platform.properties on the class path");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
        return from(properties, System.getProperties(), sources);
    }

    static CucumberSettings from(Properties file, Properties system, List<String> fileSources) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> sources = new ArrayList<>(fileSources);
        file.stringPropertyNames().stream().sorted().filter(key -> key.startsWith("cucumber.")).forEach(key -> values.put(key, file.getProperty(key)));
        boolean fromSystem = false;
        for (String key : system.stringPropertyNames().stream().sorted().toList()) {
            if (key.startsWith("cucumber.")) {
                values.put(key, system.getProperty(key));
                fromSystem = true;
            }
        }
        if (fromSystem) {
            sources.add("-Dcucumber.* system properties");
        }
        if (fileSources.isEmpty() && !fromSystem) {
            sources.add("none");
        }
        return new CucumberSettings(values, sources);
    }

    Map<String, String> values() {
        return values;
    }

    /** Where the settings came from, for the run's first line. */
    String describe() {
        return "Cucumber settings from " + String.join(" and ", sources) + (values.isEmpty() ? "" : ": " + values);
    }

    /** The keys {@link #arguments} turns into options; Cucumber reads the others ({@code cucumber.publish.quiet}) itself. */
    static final java.util.Set<String> AS_OPTIONS = java.util.Set.of("cucumber.glue", "cucumber.plugin", "cucumber.filter.tags",
            "cucumber.filter.name", "cucumber.execution.order", "cucumber.snippet-type", "cucumber.features");

    /** The other keys, for Cucumber to read as system properties. */
    Map<String, String> asProperties() {
        Map<String, String> rest = new LinkedHashMap<>(values);
        rest.keySet().removeAll(AS_OPTIONS);
        return rest;
    }

    /**
     * The Cucumber command line: glue, the harness's plugins writing into {@code reports} plus
     * {@code cucumber.plugin}, tags ({@code tagsOption} wins over {@code cucumber.filter.tags}), name filter
     * and order.
     */
    List<String> arguments(Path reports, String tagsOption) {
        List<String> args = new ArrayList<>(glue());
        Set<String> plugins = new LinkedHashSet<>(CucumberReports.plugins(reports));
        split(values.get("cucumber.plugin")).forEach(plugins::add);
        plugins.forEach(plugin -> args.addAll(List.of("--plugin", plugin)));
        args.addAll(filters(tagsOption));
        String order = values.get("cucumber.execution.order");
        if (order != null && !order.isBlank()) {
            args.addAll(List.of("--order", order));
        }
        String snippets = values.get("cucumber.snippet-type");
        if (snippets != null && !snippets.isBlank()) {
            args.addAll(List.of("--snippets", snippets));
        }
        return args;
    }

    /**
     * What chooses the scenarios, without plugins or order: glue, tags ({@code tagsOption} wins over
     * {@code cucumber.filter.tags}) and name filter. A dry run with these lists what a run would execute.
     */
    List<String> selection(String tagsOption) {
        List<String> args = new ArrayList<>(glue());
        args.addAll(filters(tagsOption));
        return args;
    }

    private List<String> glue() {
        List<String> args = new ArrayList<>();
        Set<String> glue = new LinkedHashSet<>(List.of("io.cdcharness.cucumber"));
        split(values.get("cucumber.glue")).forEach(glue::add);
        glue.forEach(entry -> args.addAll(List.of("--glue", entry)));
        return args;
    }

    private List<String> filters(String tagsOption) {
        List<String> args = new ArrayList<>();
        String tags = tagsOption != null ? tagsOption : values.get("cucumber.filter.tags");
        if (tags != null && !tags.isBlank()) {
            args.addAll(List.of("--tags", tags));
        }
        String name = values.get("cucumber.filter.name");
        if (name != null && !name.isBlank()) {
            args.addAll(List.of("--name", name));
        }
        return args;
    }

    private static List<String> split(String list) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        return List.of(list.split("\\s*,\\s*"));
    }
}
