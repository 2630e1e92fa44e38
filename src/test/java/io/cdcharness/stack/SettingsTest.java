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
                Map.entry("connect.keep.alive.interval.ms", "1000"));
        assertThat(Settings.of(Map.of("cdc.connector.defaults", "")).connectorDefaults()).isEmpty();
        assertThatThrownBy(() -> Settings.of(Map.of("cdc.connector.defaults", "poll.interval.ms")).connectorDefaults())
                .hasMessage("cdc.connector.defaults has \"poll.interval.ms\", which is not key=value. "
                        + "Write it as poll.interval.ms=10,max.batch.size=512 (or empty for none).");
    }

    @Test
    void everyKeyHasAnEnvironmentVariable() {
        assertThat(Settings.Key.CONNECT_PLUGIN_PATH.environmentVariable()).isEqualTo("CDC_CONNECT_PLUGIN_PATH");
    }
}
