package io.cdcharness.stack.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class ParserWarmUpPluginTest {

    @Test
    void thePluginIsOneClassAndTheManifestThatNamesIt(@TempDir Path root) throws Exception {
        assertThat(ParserWarmUpPlugin.writeInto(root)).isTrue();

        try (JarFile jar = new JarFile(root.resolve("cdc-harness-parser-warm-up/cdc-harness-parser-warm-up.jar").toFile())) {
            assertThat(jar.stream().map(java.util.zip.ZipEntry::getName)).containsExactly(
                    "io/cdcharness/stack/embedded/worker/DebeziumParserWarmUp.class",
                    "META-INF/services/org.apache.kafka.common.config.provider.ConfigProvider");
            String manifest = new String(jar.getInputStream(jar.getEntry("META-INF/services/org.apache.kafka.common.config.provider.ConfigProvider"))
                    .readAllBytes(), StandardCharsets.UTF_8);
            assertThat(manifest).isEqualTo("io.cdcharness.stack.embedded.worker.DebeziumParserWarmUp\n");
        }
    }

    @Test
    void theWorkerPackageIsOneClassSoThatTheJarHoldsAllOfIt() throws Exception {
        Path classes = Path.of(io.cdcharness.stack.embedded.worker.DebeziumParserWarmUp.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI()).resolve("io/cdcharness/stack/embedded/worker");
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(classes)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .as("classes the worker loads from the plugin jar, which holds DebeziumParserWarmUp.class only")
                    .containsExactly("DebeziumParserWarmUp.class");
        }
    }

    @Test
    void theWorkerKeysNameTheInstalledConnectorAndItsParser() {
        assertThat(ParserWarmUpPlugin.workerConfig(new DebeziumPlugins.Selection(Path.of("plugins"), "debezium-connector-mariadb")))
                .containsExactly(
                        entry("config.providers", "cdcHarnessWarmUp"),
                        entry("config.providers.cdcHarnessWarmUp.class", "io.cdcharness.stack.embedded.worker.DebeziumParserWarmUp"),
                        entry("config.providers.cdcHarnessWarmUp.param.connector", "io.debezium.connector.mariadb.MariaDbConnector"),
                        entry("config.providers.cdcHarnessWarmUp.param.parser", "io.debezium.connector.mariadb.antlr.MariaDbAntlrDdlParser"));
        // before 2.7 MariaDB is captured with the MySQL connector
        assertThat(ParserWarmUpPlugin.workerConfig(new DebeziumPlugins.Selection(Path.of("plugins"), "debezium-connector-mysql")))
                .containsEntry("config.providers.cdcHarnessWarmUp.param.connector", "io.debezium.connector.mysql.MySqlConnector")
                .containsEntry("config.providers.cdcHarnessWarmUp.param.parser", "io.debezium.connector.mysql.antlr.MySqlAntlrDdlParser");
    }
}
