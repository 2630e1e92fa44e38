package io.cdcharness.stack.embedded;

import io.cdcharness.connect.ConnectClient;
import io.cdcharness.stack.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's own plugin directory (custom connectors, SMTs) joins Connect's plugin path: here the
 * FileStream connectors the seed's plugin list shows, from Kafka's connect-file jar.
 */
class PluginPathIT {

    @Test
    void aUserPluginDirectoryIsOnConnectsPluginPath(@TempDir Path plugins) throws Exception {
        URL resource = getClass().getClassLoader().getResource("org/apache/kafka/connect/file/FileStreamSourceConnector.class");
        assertThat(resource).as("connect-file on the test class path").isNotNull();
        Path jar = Path.of(((JarURLConnection) resource.openConnection()).getJarFileURL().toURI());
        Files.createDirectories(plugins.resolve("connect-file"));
        Files.copy(jar, plugins.resolve("connect-file").resolve(jar.getFileName()));

        Settings settings = Settings.load().with(Settings.Key.CONNECT_PLUGIN_PATH.property(), plugins.toString());
        try (EmbeddedStack stack = EmbeddedStack.start(settings)) {
            assertThat(new ConnectClient(stack.connectUrl()).plugins())
                    .extracting(ConnectClient.Plugin::className)
                    .contains("org.apache.kafka.connect.file.FileStreamSourceConnector",
                            "org.apache.kafka.connect.file.FileStreamSinkConnector",
                            settings.database().connectorClass()); // only the flavour's Debezium plugin is loaded
        }
    }
}
