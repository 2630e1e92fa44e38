package io.cdcharness.shard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A suite's scenarios split into shards, each scenario in exactly one. With recorded durations the split
 * balances time (longest first, each to the shard with the least so far); a scenario the record lacks
 * counts as the median of the recorded ones. Without durations it balances the count, in name order.
 * Ties are broken by name, then location, so every shard that plans the same scenarios with the same
 * durations gets the same split: {@link #fingerprint()} shows it.
 *
 * <pre>{@code
 * ShardPlan plan = ShardPlan.of(scenarios, 3, RecordedDurations.read(Path.of("reports/cucumber.json"), projectDir));
 * plan.scenarios(2);              // the second shard's scenarios, by file and line
 * plan.describe(new Shard(2, 3)); // shard 2/3: 4 of 11 scenarios (about 31.0 s of 92.4 s), balanced by ...; plan 3fa2c1d0
 * }</pre>
 */
public final class ShardPlan {
    private static final Comparator<ScenarioLocation> BY_NAME = Comparator.comparing(ScenarioLocation::name)
            .thenComparing(ScenarioLocation::file).thenComparingInt(ScenarioLocation::line);
    private static final Comparator<ScenarioLocation> BY_LOCATION = Comparator.comparing(ScenarioLocation::file)
            .thenComparingInt(ScenarioLocation::line);

    private final List<List<ScenarioLocation>> shards;
    private final Map<String, Long> weights;
    private final boolean byDuration;
    private final String balancing;
    private final int size;

    private ShardPlan(List<List<ScenarioLocation>> shards, Map<String, Long> weights, boolean byDuration, String balancing, int size) {
        this.shards = shards;
        this.weights = weights;
        this.byDuration = byDuration;
        this.balancing = balancing;
        this.size = size;
    }

    /**
     * Splits {@code scenarios} (a scenario listed twice counts once) into {@code count} shards.
     *
     * @param durations an earlier run's durations; {@link RecordedDurations#none} splits by count
     */
    public static ShardPlan of(List<ScenarioLocation> scenarios, int count, RecordedDurations durations) {
        if (count < 1) {
            throw new IllegalArgumentException("a suite is split into at least 1 shard, not " + count);
        }
        Map<String, ScenarioLocation> distinct = new LinkedHashMap<>();
        scenarios.forEach(scenario -> distinct.putIfAbsent(scenario.location(), scenario));
        List<ScenarioLocation> all = new ArrayList<>(distinct.values());
        List<Long> recorded = all.stream().map(durations::of).filter(java.util.Optional::isPresent)
                .map(d -> Math.max(1, d.get().toMillis())).sorted().toList();
        boolean byDuration = !recorded.isEmpty();
        long median = byDuration ? recorded.get((recorded.size() - 1) / 2) : 1;
        Map<String, Long> weights = new LinkedHashMap<>();
        for (ScenarioLocation scenario : all) {
            weights.put(scenario.location(), byDuration ? durations.of(scenario).map(d -> Math.max(1, d.toMillis())).orElse(median) : 1L);
        }
        List<List<ScenarioLocation>> shards = LongestFirst.assign(all, scenario -> weights.get(scenario.location()), BY_NAME, count);
        shards.forEach(shard -> shard.sort(BY_LOCATION));
        String balancing;
        if (byDuration) {
            int missing = all.size() - recorded.size();
            balancing = "balanced by " + durations.source() + (missing == 0 ? "" : " (" + missing + " scenario" + (missing == 1 ? "" : "s")
                    + " not recorded there counted at their median, " + seconds(median) + ")");
        } else {
            balancing = "balanced by count in name order (no durations: " + durations.source() + ")";
        }
        return new ShardPlan(shards.stream().map(List::copyOf).toList(), weights, byDuration, balancing, all.size());
    }

    /** How many shards. */
    public int count() {
        return shards.size();
    }

    /** How many scenarios in all shards. */
    public int size() {
        return size;
    }

    /** The scenarios of shard {@code index} (1 to {@link #count()}), by file and line. */
    public List<ScenarioLocation> scenarios(int index) {
        if (index < 1 || index > shards.size()) {
            throw new IllegalArgumentException("shard " + index + " does not exist; this plan has shards 1 to " + shards.size());
        }
        return shards.get(index - 1);
    }

    /** How the split was balanced: by which recorded durations, or by count and why. */
    public String balancing() {
        return balancing;
    }

    /** Whether recorded durations balanced the split (else the count did). */
    public boolean byDuration() {
        return byDuration;
    }

    /** The expected time of a shard from the recorded durations (zero when the split is by count). */
    public Duration estimate(int index) {
        return byDuration ? Duration.ofMillis(scenarios(index).stream().mapToLong(s -> weights.get(s.location())).sum()) : Duration.ZERO;
    }

    /**
     * Eight hex digits that identify the whole split (every shard's scenarios): shards that print the same
     * fingerprint split the suite the same way, so together they run every scenario exactly once.
     */
    public String fingerprint() {
        StringBuilder text = new StringBuilder().append(shards.size()).append('\n');
        for (int i = 0; i < shards.size(); i++) {
            for (ScenarioLocation scenario : shards.get(i)) {
                text.append(i + 1).append('\t').append(scenario.location()).append('\n');
            }
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** One line for the log: which shard, how much of the suite, how it was balanced, and the plan's fingerprint. */
    public String describe(Shard shard) {
        int mine = scenarios(shard.index()).size();
        String time = byDuration ? " (about " + seconds(estimate(shard.index()).toMillis()) + " of "
                + seconds(weights.values().stream().mapToLong(Long::longValue).sum()) + ")" : "";
        return "shard " + shard + ": " + mine + " of " + size + " scenario" + (size == 1 ? "" : "s") + time + ", " + balancing
                + "; plan " + fingerprint();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
