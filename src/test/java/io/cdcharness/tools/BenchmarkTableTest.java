package io.cdcharness.tools;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark's table and the memory figures it reads are plain parsing: pinned here without servers. */
class BenchmarkTableTest {

    @Test
    void oneColumnPerStackWithRatiosAndMissingFiguresNamed() {
        String table = BenchmarkTable.render(List.of(
                BenchmarkTable.Result.parse("RESULT stack=embedded database=mysql runs=3 boot_to_streaming_ms=6100 latency_p50_ms=20 "
                        + "latency_p95_ms=30 latency_p99_ms=45 first_step_warm_ms=2000 first_step_own_ms=9000 features=features/seed pool=2 "
                        + "suite_ms=10000 suite_parallel_ms=8000"),
                BenchmarkTable.Result.parse("RESULT stack=containers database=mariadb runs=3 boot_to_streaming_ms=-1")));

        assertThat(table).startsWith("| figure | embedded | containers (mariadb) |\n| --- | --- | --- |\n");
        assertThat(table).contains("| boot to streaming (median of 3) | 6.10 s | n/a |");
        assertThat(table).contains("| commit -> event p50 / p95 / p99 | 20 / 30 / 45 ms | n/a |");
        assertThat(table).contains("| 2.00 s / 9.00 s (4.5x) |");
        assertThat(table).contains("| suite features/seed: serial / parallel on 2 stacks (ratio) | 10.00 s / 8.00 s (1.25x) | n/a |");
    }

    @Test
    void dockerMemoryUsageInBinaryAndDecimalUnits() {
        assertThat(StackMemory.dockerBytes("512MiB")).isEqualTo(512L * 1024 * 1024);
        assertThat(StackMemory.dockerBytes("1.5GiB")).isEqualTo(Math.round(1.5 * 1024 * 1024 * 1024));
        assertThat(StackMemory.dockerBytes("800kB")).isEqualTo(800_000L);
        assertThat(StackMemory.dockerBytes("12B")).isEqualTo(12L);
        assertThat(StackMemory.dockerBytes("--")).isEqualTo(-1L);
    }
}
