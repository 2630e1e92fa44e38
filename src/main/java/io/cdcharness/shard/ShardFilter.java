package io.cdcharness.shard;

import io.cdcharness.stack.HarnessLog;
import io.cdcharness.stack.Settings;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.engine.support.descriptor.UriSource;
import org.junit.platform.launcher.PostDiscoveryFilter;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs one shard of the Cucumber scenarios that JUnit discovered ({@code CucumberIT}, or your own
 * {@code @Suite} with the Cucumber engine) when {@code -Dcdc.shard=i/n} is set; without it, it keeps
 * everything. JUnit finds it through {@code META-INF/services}, so Maven needs only the property:
 *
 * <pre>
 * mvn verify -Dit.test=CucumberIT -Dcdc.shard=2/4     # the second quarter of the scenarios
 * </pre>
 *
 * The split is {@link ShardPlan}'s over every scenario the Cucumber engine discovered, balanced by the
 * durations in {@code cdc.shard.durations} (default {@code reports/cucumber.json}) when that file has
 * some. One line says which shard, how it was balanced and the plan's fingerprint; {@code shard.json} in
 * {@code cdc.reports.dir} records it for {@code ./cdc-harness report merge}. Other engines' tests
 * (JUnit Jupiter) are left alone.
 */
public final class ShardFilter implements PostDiscoveryFilter {
    private static final UniqueId.Segment CUCUMBER_ENGINE = UniqueId.forEngine("cucumber").getLastSegment();

    private final Map<UniqueId, Set<UniqueId>> chosenPerEngine = new ConcurrentHashMap<>();
    private volatile Settings settings;
    private volatile boolean manifestCleared;

    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        Optional<TestDescriptor> engine = cucumberEngine(descriptor);
        if (engine.isEmpty()) {
            return FilterResult.included("not a Cucumber scenario");
        }
        Optional<Shard> shard = shard();
        if (shard.isEmpty()) {
            if (!manifestCleared) {
                manifestCleared = true;
                ShardManifest.delete(settings.reportsDir()); // a sharded run's manifest would make this whole run look like a shard
            }
            return FilterResult.included("cdc.shard is not set");
        }
        // Planned once per engine, at its first descriptor: before this filter has removed any of its scenarios.
        Set<UniqueId> chosen = chosenPerEngine.computeIfAbsent(engine.get().getUniqueId(), id -> choose(engine.get(), shard.get()));
        if (!descriptor.isTest()) {
            return FilterResult.included("containers stay; JUnit prunes those left without scenarios");
        }
        return chosen.contains(descriptor.getUniqueId()) ? FilterResult.included("in shard " + shard.get())
                : FilterResult.excluded("in another shard than " + shard.get() + " (cdc.shard)");
    }

    private Optional<Shard> shard() {
        if (settings == null) {
            settings = Settings.load();
        }
        String value = settings.get(Settings.Key.SHARD);
        return value.isBlank() ? Optional.empty() : Optional.of(Shard.parse(value, "-D" + Settings.Key.SHARD.property()));
    }

    private Set<UniqueId> choose(TestDescriptor engine, Shard shard) {
        Path projectDir = settings.projectDir();
        Map<String, UniqueId> ids = new HashMap<>();
        List<ScenarioLocation> scenarios = engine.getDescendants().stream().filter(TestDescriptor::isTest).map(test -> {
            ScenarioLocation scenario = location(test, projectDir);
            ids.put(scenario.location(), test.getUniqueId());
            return scenario;
        }).toList();
        ShardPlan plan = ShardPlan.of(scenarios, shard.count(), RecordedDurations.read(settings.shardDurations(), projectDir));
        HarnessLog.once(plan.describe(shard)); // JUnit may discover more than once (Surefire does)
        ShardManifest.of(shard, plan).write(settings.reportsDir());
        return plan.scenarios(shard.index()).stream().map(scenario -> ids.get(scenario.location())).collect(java.util.stream.Collectors.toSet());
    }

    static ScenarioLocation location(TestDescriptor test, Path projectDir) {
        Optional<TestSource> source = test.getSource();
        String name = test.getDisplayName();
        if (source.isPresent() && source.get() instanceof FileSource file) {
            return new ScenarioLocation(ScenarioLocation.relative(file.getFile().toPath(), projectDir), line(file.getPosition()), name);
        }
        if (source.isPresent() && source.get() instanceof ClasspathResourceSource resource) {
            return new ScenarioLocation("classpath:" + resource.getClasspathResourceName(), line(resource.getPosition()), name);
        }
        if (source.isPresent() && source.get() instanceof UriSource uri) {
            return new ScenarioLocation(ScenarioLocation.featureFile(uri.getUri().toString(), projectDir), 0, name);
        }
        return new ScenarioLocation(test.getUniqueId().toString(), 0, name); // no source: still one distinct scenario
    }

    private static int line(Optional<FilePosition> position) {
        return position.map(FilePosition::getLine).orElse(0);
    }

    private static Optional<TestDescriptor> cucumberEngine(TestDescriptor descriptor) {
        if (!descriptor.getUniqueId().getSegments().contains(CUCUMBER_ENGINE)) {
            return Optional.empty();
        }
        TestDescriptor current = descriptor;
        while (current != null && !current.getUniqueId().getLastSegment().equals(CUCUMBER_ENGINE)) {
            current = current.getParent().orElse(null);
        }
        return Optional.ofNullable(current);
    }
}
