package io.cdcharness.stack;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {

    @Test
    void defaultsDescribeTheSeedStack() {
        Settings settings = Settings.of(Map.of());
        assertThat(settings.stack()).isEqualTo(StackKind.EMBEDDED);
        assertThat(settings.database()).isEqualTo(DatabaseFlavor.MYSQL);
        assertThat(settings.kafkaVersion()).isEqualTo("4.1.1");
        assertThat(settings.connectVersion()).isEqualTo("4.1.1");
        assertThat(settings.debeziumVersion()).isEqualTo("3.4.0.Final");
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void laterLayersWin() {
        Properties file = new Properties();
        file.setProperty("cdc.database", "mariadb");
        file.setProperty("cdc.timeout", "10s");
        file.setProperty("cdc.kafka.version", "4.0.0");
        Properties system = new Properties();
        system.setProperty("cdc.timeout", "45s");
        system.setProperty("unrelated", "x");

        Settings settings = Settings.load(file, Map.of("CDC_KAFKA_VERSION", "4.1.0", "CDC_TIMEOUT", "20s"), system);

        assertThat(settings.database()).isEqualTo(DatabaseFlavor.MARIADB); // from the file
        assertThat(settings.kafkaVersion()).isEqualTo("4.1.0");            // environment beats file
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(45));  // system property beats environment
        assertThat(settings.get("unrelated")).isEmpty();
    }

    @Test
    void anUnknownFlavourNamesTheAllowedOnes() {
        Settings settings = Settings.of(Map.of("cdc.database", "postgres"));
        assertThatThrownBy(settings::database)
                .hasMessage("Setting cdc.database=postgres is not known. Use one of: mysql | mariadb (for example -Dcdc.database=mysql).");
    }

    @Test
    void aFlagTakesTrueOrFalseOnly() {
        assertThat(Settings.of(Map.of("cdc.class.data.sharing", "FALSE")).flag(Settings.Key.CLASS_DATA_SHARING)).isFalse();
        assertThat(Settings.of(Map.of()).flag(Settings.Key.CLASS_DATA_SHARING)).isTrue();
        assertThatThrownBy(() -> Settings.of(Map.of("cdc.class.data.sharing", "off")).flag(Settings.Key.CLASS_DATA_SHARING))
                .hasMessageStartingWith("Setting cdc.class.data.sharing=off is neither true nor false. Use true or false (for example "
                        + "-Dcdc.class.data.sharing=true, the default).");
    }

    @Test
    void aBadDurationSaysHowToWriteOne() {
        Settings settings = Settings.of(Map.of("cdc.timeout", "thirty"));
        assertThatThrownBy(settings::timeout)
                .hasMessage("cdc.timeout=thirty is not a duration. Write it as a number with a unit: 500ms, 30s, 2m or 1h.");
    }

    @Test
    void durationsReadHumanAndIsoForms() {
        assertThat(Durations.parse("x", "250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Durations.parse("x", "2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse("x", "PT3S")).isEqualTo(Duration.ofSeconds(3));
        assertThat(Durations.format(Duration.ofMillis(2700))).isEqualTo("2.7 s");
        assertThat(Durations.format(Duration.ofMillis(180))).isEqualTo("180 ms");
    }

    @Test
    void connectorDefaultsAreKeyValuePairs() {
        assertThat(Settings.of(Map.of()).connectorDefaults()).containsExactly(Map.entry("poll.interval.ms", "10"), Map.entry("heartbeat.interval.ms", "100"),
                Map.entry("connect.keep.alive.interval.ms", "5000"), Map.entry("schema.history.internal.producer.linger.ms", "0"));
        assertThat(Settings.of(Map.of("cdc.connector.defaults", "")).connectorDefaults()).isEmpty();
        assertThatThrownBy(() -> Settings.of(Map.of("cdc.connector.defaults", "poll.interval.ms")).connectorDefaults())
                .hasMessage("cdc.connector.defaults has \"poll.interval.ms\", which is not key=value. "
                        + "Write it as poll.interval.ms=10,max.batch.size=512 (or empty for none).");
    }

    @Test
    void everyKeyHasAnEnvironmentVariable() {
        assertThat(Settings.Key.CONNECT_PLUGIN_PATH.environmentVariable()).isEqualTo("CDC_CONNECT_PLUGIN_PATH");
    }

    @Test
    void aMisspelledSystemPropertyFailsNamingTheNearestKey() {
        Properties system = new Properties();
        system.setProperty("cdc.timout", "10s");
        assertThatThrownBy(() -> Settings.load(new Properties(), Map.of(), system))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown setting cdc.timout (a system property (-Dcdc.timout)): the harness does not read it, "
                        + "so it would be ignored. Did you mean cdc.timeout? (The README's Settings table lists every setting.)");
    }

    @Test
    void aMisspelledKeyOfThePropertiesFileFailsToo() {
        Properties file = new Properties();
        file.setProperty("cdc.databse", "mariadb");
        assertThatThrownBy(() -> Settings.load(file, Map.of(), new Properties()))
                .hasMessageStartingWith("Unknown setting cdc.databse (a key of cdc-harness.properties): the harness does not read it, "
                        + "so it would be ignored. Did you mean cdc.database?");
    }

    @Test
    void aKeyFarFromEveryKnownOneListsThemAll() {
        assertThatThrownBy(() -> Settings.of(Map.of()).with("cdc.completely.different.thing", "1"))
                .hasMessageNotContaining("Did you mean")
                .hasMessageContaining("Known settings: cdc.stack, ")
                .hasMessageContaining(", cdc.timeout, ")
                .hasMessageEndingWith(" (the README's Settings table says what each does).");
    }

    @Test
    void otherSystemPropertiesAndAnUnknownEnvironmentVariableDoNotFail() {
        Properties system = new Properties();
        system.setProperty("cdcfoo", "x");
        system.setProperty("cucumber.filter.tags", "not @wip");
        Settings settings = Settings.load(new Properties(), Map.of("CDC_TIMOUT", "5s", "CDC_TIMEOUT", "7s"), system);
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(Settings.nearest("CDC_TIMOUT", java.util.Arrays.stream(Settings.Key.values()).map(Settings.Key::environmentVariable).toList()))
                .isEqualTo("CDC_TIMEOUT");
    }

    @Test
    void sizesReadWithUnits() {
        Settings settings = Settings.of(Map.of("cdc.evidence.scenario.limit", "512KB", "cdc.evidence.run.limit", "2g"));
        assertThat(settings.bytes(Settings.Key.EVIDENCE_SCENARIO_LIMIT)).isEqualTo(512 * 1024);
        assertThat(settings.bytes(Settings.Key.EVIDENCE_RUN_LIMIT)).isEqualTo(2L << 30);
        assertThatThrownBy(() -> Settings.of(Map.of("cdc.evidence.run.limit", "lots")).bytes(Settings.Key.EVIDENCE_RUN_LIMIT))
                .hasMessage("cdc.evidence.run.limit=lots is not a size. Write it as a number with a unit: 512KB, 8MB or 1GB.");
    }

    @Test
    void reportsGoUnderTheProjectDir() {
        Settings settings = Settings.of(Map.of("cdc.project.dir", "/tmp/project"));
        assertThat(settings.reportsDir()).isEqualTo(java.nio.file.Path.of("/tmp/project/reports"));
        assertThat(settings.fixturesDir()).isEqualTo(java.nio.file.Path.of("/tmp/project/fixtures"));
    }
}
