package io.cdcharness.shard;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShardPlanTest {

    private static ScenarioLocation scenario(String name, int line) {
        return new ScenarioLocation("features/" + name.charAt(0) + ".feature", line, name);
    }

    private static List<ScenarioLocation> suite(int size) {
        List<ScenarioLocation> scenarios = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            scenarios.add(scenario((char) ('a' + i % 3) + " scenario " + i, 10 + i));
        }
        return scenarios;
    }

    private static RecordedDurations durations(List<ScenarioLocation> scenarios, long... millis) {
        Map<String, Duration> byLocation = new HashMap<>();
        for (int i = 0; i < millis.length; i++) {
            byLocation.put(scenarios.get(i).location(), Duration.ofMillis(millis[i]));
        }
        return RecordedDurations.of(byLocation, "the durations recorded in test");
    }

    @Test
    void everyScenarioLandsInExactlyOneShard() {
        List<ScenarioLocation> all = suite(11);
        Random random = new Random(7);
        long[] millis = random.longs(11, 1, 60_000).toArray();
        for (RecordedDurations durations : List.of(RecordedDurations.none("none here"), durations(all, millis), durations(all, 5, 9))) {
            for (int count = 1; count <= 13; count++) {
                ShardPlan plan = ShardPlan.of(all, count, durations);
                List<ScenarioLocation> union = new ArrayList<>();
                for (int index = 1; index <= count; index++) {
                    union.addAll(plan.scenarios(index));
                }
                assertThat(union).as(count + " shards, " + durations.source()).hasSize(all.size()).containsExactlyInAnyOrderElementsOf(all);
            }
        }
    }

    @Test
    void withoutDurationsTheCountIsBalancedInNameOrder() {
        List<ScenarioLocation> all = List.of(scenario("e", 5), scenario("a", 1), scenario("d", 4), scenario("b", 2), scenario("c", 3));
        ShardPlan plan = ShardPlan.of(all, 2, RecordedDurations.none("reports/cucumber.json does not exist"));
        assertThat(plan.scenarios(1)).extracting(ScenarioLocation::name).containsExactly("a", "c", "e");
        assertThat(plan.scenarios(2)).extracting(ScenarioLocation::name).containsExactly("b", "d");
        assertThat(plan.byDuration()).isFalse();
        assertThat(plan.balancing()).isEqualTo("balanced by count in name order (no durations: reports/cucumber.json does not exist)");
        assertThat(plan.describe(new Shard(2, 2))).isEqualTo("shard 2/2: 2 of 5 scenarios, balanced by count in name order "
                + "(no durations: reports/cucumber.json does not exist); plan " + plan.fingerprint());
    }

    @Test
    void durationsAreBalancedLongestFirst() {
        List<ScenarioLocation> all = List.of(scenario("a", 1), scenario("b", 2), scenario("c", 3), scenario("d", 4), scenario("e", 5), scenario("f", 6));
        ShardPlan plan = ShardPlan.of(all, 2, durations(all, 10_000, 7_000, 5_000, 4_000, 3_000, 1_000));
        // a(10) -> 1; b(7) -> 2; c(5) -> 2 (12); d(4) -> 1 (14); e(3) -> 2 (15); f(1) -> 1 (15)
        assertThat(plan.scenarios(1)).extracting(ScenarioLocation::name).containsExactly("a", "d", "f");
        assertThat(plan.scenarios(2)).extracting(ScenarioLocation::name).containsExactly("b", "c", "e");
        assertThat(plan.estimate(1)).isEqualTo(Duration.ofSeconds(15));
        assertThat(plan.estimate(2)).isEqualTo(Duration.ofSeconds(15));
        assertThat(plan.describe(new Shard(1, 2))).isEqualTo("shard 1/2: 3 of 6 scenarios (about 15.0 s of 30.0 s), balanced by "
                + "the durations recorded in test; plan " + plan.fingerprint());
    }

    @Test
    void aScenarioTheRecordLacksCountsAsTheMedian() {
        List<ScenarioLocation> all = List.of(scenario("a", 1), scenario("b", 2), scenario("c", 3), scenario("new", 4));
        ShardPlan plan = ShardPlan.of(all, 2, durations(all, 9_000, 2_000, 4_000));
        assertThat(plan.balancing()).isEqualTo("balanced by the durations recorded in test (1 scenario not recorded there counted at their median, 4.0 s)");
        // median of 2, 4, 9 is 4: a(9) -> 1; c(4) -> 2; new(4) -> 2 (8); b(2) -> 2 (10)
        assertThat(plan.scenarios(1)).extracting(ScenarioLocation::name).containsExactly("a");
        assertThat(plan.scenarios(2)).extracting(ScenarioLocation::name).containsExactly("b", "c", "new");
    }

    @Test
    void theSplitDependsOnlyOnTheScenariosAndDurationsNotOnTheirOrder() {
        List<ScenarioLocation> all = suite(9);
        RecordedDurations durations = durations(all, 3_000, 3_000, 3_000, 1_000, 1_000, 2_000, 2_000, 2_000, 3_000);
        ShardPlan plan = ShardPlan.of(all, 3, durations);
        List<ScenarioLocation> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, new Random(42));
        ShardPlan again = ShardPlan.of(shuffled, 3, durations);
        for (int index = 1; index <= 3; index++) {
            assertThat(again.scenarios(index)).isEqualTo(plan.scenarios(index));
        }
        assertThat(again.fingerprint()).isEqualTo(plan.fingerprint()).matches("[0-9a-f]{8}");
        assertThat(ShardPlan.of(all, 3, RecordedDurations.none("none")).fingerprint()).as("another split, another fingerprint")
                .isNotEqualTo(plan.fingerprint());
    }

    @Test
    void equalDurationsAreTakenInNameOrder() {
        List<ScenarioLocation> all = List.of(scenario("b", 1), scenario("a", 2), scenario("c", 3));
        ShardPlan plan = ShardPlan.of(all, 3, durations(all, 1_000, 1_000, 1_000));
        assertThat(plan.scenarios(1)).extracting(ScenarioLocation::name).containsExactly("a");
        assertThat(plan.scenarios(2)).extracting(ScenarioLocation::name).containsExactly("b");
        assertThat(plan.scenarios(3)).extracting(ScenarioLocation::name).containsExactly("c");
    }

    @Test
    void moreShardsThanScenariosLeavesSomeEmpty() {
        ShardPlan plan = ShardPlan.of(suite(2), 4, RecordedDurations.none("none"));
        assertThat(plan.scenarios(3)).isEmpty();
        assertThat(plan.scenarios(4)).isEmpty();
        assertThat(plan.describe(new Shard(4, 4))).startsWith("shard 4/4: 0 of 2 scenarios,");
        assertThatThrownBy(() -> plan.scenarios(5)).hasMessage("shard 5 does not exist; this plan has shards 1 to 4");
    }

    @Test
    void aScenarioListedTwiceIsPlannedOnce() {
        ScenarioLocation a = scenario("a", 1);
        ShardPlan plan = ShardPlan.of(List.of(a, scenario("b", 2), a), 2, RecordedDurations.none("none"));
        assertThat(plan.size()).isEqualTo(2);
        assertThat(plan.scenarios(1)).containsExactly(a);
    }
}
