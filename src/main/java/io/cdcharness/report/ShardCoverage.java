package io.cdcharness.report;

import io.cdcharness.shard.ShardManifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Whether the shards being joined are the whole suite, each scenario once: the same plan (fingerprint),
 * every shard 1 to n present, none twice. A merge of runs that were not sharded is not checked.
 */
final class ShardCoverage {
    private ShardCoverage() {
    }

    /**
     * @return one line saying what was joined ({@code shards 1/3, 2/3, 3/3 of plan 3fa2c1d0: 31 scenarios})
     * @throws IllegalArgumentException naming the shard that is missing, doubled or planned differently
     */
    static String check(List<ShardReports> inputs) {
        List<ShardReports> sharded = inputs.stream().filter(input -> input.manifest().isPresent()).toList();
        if (sharded.isEmpty()) {
            return inputs.size() + " report" + (inputs.size() == 1 ? "" : "s") + " of runs that were not sharded (not checked for overlap)";
        }
        if (sharded.size() != inputs.size()) {
            String plain = inputs.stream().filter(input -> input.manifest().isEmpty()).map(input -> input.dir().toString())
                    .collect(Collectors.joining(", "));
            throw new IllegalArgumentException(plain + " " + (inputs.size() - sharded.size() == 1 ? "holds" : "hold")
                    + " no shard.json (not a run with --shard i/n), but the other directories are shards. Join the shards of one "
                    + "sharded run, or only runs that were not sharded.");
        }
        ShardManifest first = sharded.get(0).manifest().orElseThrow();
        for (ShardReports input : sharded) {
            ShardManifest manifest = input.manifest().orElseThrow();
            if (manifest.count() != first.count() || !manifest.plan().equals(first.plan())) {
                throw new IllegalArgumentException("the shards were planned differently: " + sharded.get(0).describe() + " has plan "
                        + first.plan() + " of " + first.count() + " shards (" + first.balancing() + "), " + input.describe() + " has plan "
                        + manifest.plan() + " of " + manifest.count() + " (" + manifest.balancing() + "). Together they may miss or repeat "
                        + "scenarios. Run every shard on the same features with the same cdc.shard.durations file.");
            }
        }
        Map<Integer, List<ShardReports>> byIndex = new TreeMap<>(sharded.stream()
                .collect(Collectors.groupingBy(input -> input.manifest().orElseThrow().index())));
        List<String> problems = new ArrayList<>();
        byIndex.forEach((index, holders) -> {
            if (holders.size() > 1) {
                problems.add("shard " + index + "/" + first.count() + " is given " + holders.size() + " times ("
                        + holders.stream().map(h -> h.dir().toString()).collect(Collectors.joining(", ")) + ")");
            }
        });
        for (int index = 1; index <= first.count(); index++) {
            if (!byIndex.containsKey(index)) {
                problems.add("shard " + index + "/" + first.count() + " is missing");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the directories are not the whole suite once: " + String.join("; ", problems)
                    + ". Given: " + sharded.stream().map(ShardReports::describe).collect(Collectors.joining(", "))
                    + ". Join every shard 1 to " + first.count() + " of the run, each once.");
        }
        return "shards " + byIndex.keySet().stream().map(i -> i + "/" + first.count()).collect(Collectors.joining(", "))
                + " of plan " + first.plan() + " (" + first.suite() + " scenario" + (first.suite() == 1 ? "" : "s") + ")";
    }
}
