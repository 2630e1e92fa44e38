package io.cdcharness.shard;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a sharded run writes next to its reports, {@code shard.json}: which shard it was, the plan's
 * fingerprint and the scenarios it was given, so that {@code ./cdc-harness report merge} can tell whether
 * the shards it joins cover the suite exactly once.
 *
 * <pre>{@code
 * ShardManifest.of(shard, plan).write(reportsDir);          // reports/shard.json
 * Optional<ShardManifest> manifest = ShardManifest.read(dir);
 * }</pre>
 *
 * @param index     which shard, from 1
 * @param count     of how many
 * @param plan      the plan's {@link ShardPlan#fingerprint()}
 * @param suite     how many scenarios all shards hold together
 * @param balancing how the plan was balanced
 * @param scenarios this shard's scenarios, {@code file:line}
 */
public record ShardManifest(int index, int count, String plan, int suite, String balancing, List<String> scenarios) {
    /** The file name in a reports directory. */
    public static final String FILE = "shard.json";
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public static ShardManifest of(Shard shard, ShardPlan plan) {
        return new ShardManifest(shard.index(), shard.count(), plan.fingerprint(), plan.size(), plan.balancing(),
                plan.scenarios(shard.index()).stream().map(ScenarioLocation::location).toList());
    }

    /** {@code i/n}. */
    public String shard() {
        return index + "/" + count;
    }

    /** Writes {@code shard.json} into {@code dir}. */
    public void write(Path dir) {
        try {
            Files.createDirectories(dir);
            JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(FILE).toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + dir.resolve(FILE), e);
        }
    }

    /** Removes {@code shard.json} from {@code dir}, if there is one: an unsharded run there is no shard. */
    public static void delete(Path dir) {
        try {
            Files.deleteIfExists(dir.resolve(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not remove " + dir.resolve(FILE) + ", which an earlier sharded run left", e);
        }
    }

    /** The manifest in {@code dir}, or empty when the run there was not sharded. */
    public static Optional<ShardManifest> read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), ShardManifest.class));
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is not a shard manifest (expected {\"index\": 1, \"count\": 3, \"plan\": ..., "
                    + "\"scenarios\": [...]}, as ./cdc-harness run --shard writes it): " + e.getMessage(), e);
        }
    }
}
