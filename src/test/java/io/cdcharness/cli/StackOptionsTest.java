package io.cdcharness.cli;

import io.cdcharness.stack.Settings;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackOptionsTest {

    @Test
    void setAndDashDSetAnySetting() {
        StackOptions options = new StackOptions();
        new CommandLine(options).parseArgs("-Dcdc.debezium.version=2.7.3.Final", "--set", "cdc.timeout=5s", "--set", "kafka.version=3.9.1");
        Settings settings = options.apply(Settings.of(Map.of()));
        assertThat(settings.debeziumVersion()).isEqualTo("2.7.3.Final");
        assertThat(settings.get(Settings.Key.TIMEOUT)).isEqualTo("5s");
        assertThat(settings.kafkaVersion()).isEqualTo("3.9.1");
        assertThat(options.asArguments()).contains("--set", "cdc.debezium.version=2.7.3.Final");
    }

    @Test
    void anUnknownKeyNamesTheKnownOnes() {
        StackOptions options = new StackOptions();
        new CommandLine(options).parseArgs("--set", "debezium=2.7.3.Final");
        assertThatThrownBy(() -> options.apply(Settings.of(Map.of())))
                .hasMessageContaining("\"debezium\" is not a setting of cdc-harness")
                .hasMessageContaining("cdc.debezium.version");
    }
}
