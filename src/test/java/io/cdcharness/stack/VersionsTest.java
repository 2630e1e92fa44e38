package io.cdcharness.stack;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VersionsTest {
    private static final List<String> PUBLISHED = List.of("1.5.0.Final", "2.7.0.Alpha1", "2.7.3.Final", "2.7.4.Final", "3.0.8.Final",
            "3.4.0.Final", "3.4.1.Final", "3.5.0.Final", "3.6.0.Final", "3.6.1.Final");

    @Test
    void versionsCompareByTheirNumbers() {
        assertThat(Versions.of("2.7.3.Final").atLeast(2, 7)).isTrue();
        assertThat(Versions.of("2.7.3.Final").before(3, 0)).isTrue();
        assertThat(Versions.of("10.11.5").compareTo(Versions.of("10.2.11"))).isPositive();
        assertThat(Versions.of("3.4.0.Alpha1").isFinal()).isFalse();
    }

    @Test
    void anUnpublishedVersionNamesThePublishedOnesNearIt() {
        assertThat(Versions.notPublished("Debezium", "9.9.9.Final", PUBLISHED, "io.debezium:debezium-connector-mysql", "central"))
                .startsWith("Debezium 9.9.9.Final is not published; published versions near it: 3.0.8.Final, 3.4.0.Final, 3.4.1.Final, "
                        + "3.5.0.Final, 3.6.0.Final, 3.6.1.Final (read from the metadata of io.debezium:debezium-connector-mysql at central)");
        assertThat(Versions.near("3.3.0.Final", PUBLISHED, 4)).containsExactly("2.7.4.Final", "3.0.8.Final", "3.4.0.Final", "3.4.1.Final");
        assertThat(Versions.latestPerMinor(PUBLISHED)).containsExactly("1.5.0.Final", "2.7.4.Final", "3.0.8.Final", "3.4.1.Final",
                "3.5.0.Final", "3.6.1.Final");
    }
}
