package io.cdcharness.shard;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The filter on a tree shaped like the Cucumber engine's: engine, features, scenarios with file and line. */
class ShardFilterTest {
    private final Properties saved = new Properties();
    @TempDir
    Path project;

    @BeforeEach
    void settings() {
        saved.putAll(System.getProperties());
        System.setProperty("cdc.project.dir", project.toString());
    }

    @AfterEach
    void restore() {
        System.setProperties(saved);
    }

    private static final class Node extends AbstractTestDescriptor {
        private final Type type;

        Node(UniqueId id, String name, FileSource source, Type type) {
            super(id, name, source);
            this.type = type;
        }

        @Override
        public Type getType() {
            return type;
        }
    }

    private EngineDescriptor cucumberTree() {
        EngineDescriptor engine = new EngineDescriptor(UniqueId.forEngine("cucumber"), "Cucumber");
        for (String feature : List.of("a", "b")) {
            Path file = project.resolve("features/" + feature + ".feature");
            Node container = new Node(engine.getUniqueId().append("feature", feature), feature, FileSource.from(file.toFile()), TestDescriptor.Type.CONTAINER);
            engine.addChild(container);
            for (int line : List.of(3, 8, 13)) {
                container.addChild(new Node(container.getUniqueId().append("scenario", String.valueOf(line)), feature + " scenario " + line,
                        FileSource.from(file.toFile(), FilePosition.from(line)), TestDescriptor.Type.TEST));
            }
        }
        return engine;
    }

    /** What the launcher does: visit every descriptor, parents first, and drop the excluded ones. */
    private static List<String> run(ShardFilter filter, TestDescriptor root) {
        visit(filter, root);
        List<String> kept = new ArrayList<>();
        root.getDescendants().stream().filter(TestDescriptor::isTest)
                .forEach(test -> kept.add(ShardFilter.location(test, Path.of(System.getProperty("cdc.project.dir"))).location()));
        return kept;
    }

    private static void visit(ShardFilter filter, TestDescriptor descriptor) {
        if (filter.apply(descriptor).excluded()) {
            descriptor.removeFromHierarchy();
            return;
        }
        for (TestDescriptor child : new ArrayList<>(descriptor.getChildren())) {
            visit(filter, child);
        }
    }

    @Test
    void theShardsOfTheScenariosAreDisjointAndTogetherAreAll() {
        List<String> all = run(new ShardFilter(), cucumberTree());
        assertThat(all).hasSize(6);
        List<String> union = new ArrayList<>();
        for (int index = 1; index <= 3; index++) {
            System.setProperty("cdc.shard", index + "/3");
            System.setProperty("cdc.reports.dir", project.resolve("reports-" + index).toString());
            List<String> shard = run(new ShardFilter(), cucumberTree());
            assertThat(shard).hasSize(2);
            assertThat(union).doesNotContainAnyElementsOf(shard);
            union.addAll(shard);
            ShardManifest manifest = ShardManifest.read(project.resolve("reports-" + index)).orElseThrow();
            assertThat(manifest.shard()).isEqualTo(index + "/3");
            assertThat(manifest.scenarios()).containsExactlyElementsOf(shard);
            assertThat(manifest.balancing()).isEqualTo("balanced by count in name order (no durations: reports/cucumber.json does not exist)");
        }
        assertThat(union).containsExactlyInAnyOrderElementsOf(all).contains("features/a.feature:3", "features/b.feature:13");
    }

    @Test
    void otherEnginesAreLeftAlone() {
        System.setProperty("cdc.shard", "2/2");
        System.setProperty("cdc.reports.dir", project.resolve("reports").toString());
        EngineDescriptor jupiter = new EngineDescriptor(UniqueId.forEngine("junit-jupiter"), "JUnit Jupiter");
        jupiter.addChild(new Node(jupiter.getUniqueId().append("class", "SomeIT"), "SomeIT", null, TestDescriptor.Type.TEST));
        assertThat(new ShardFilter().apply(jupiter.getChildren().iterator().next()).included()).isTrue();
    }

    @Test
    void aBadShardSaysWhatWasWrong() {
        System.setProperty("cdc.shard", "3/2");
        EngineDescriptor engine = cucumberTree();
        assertThatThrownBy(() -> new ShardFilter().apply(engine))
                .hasMessageStartingWith("-Dcdc.shard \"3/2\": there are only 2 shards, so there is no shard 3. Write it as i/n");
    }
}
